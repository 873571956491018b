namespace ChangeAgentAcademy.Data;

/// <summary>
/// One signed-in session (a browser's cookie). The cookie carries the id; a request whose session row is gone
/// is signed out. Sign-out deletes the row; a password change or reset, a lockout, a role change and
/// "sign out everywhere" delete every row of the person.
/// </summary>
public class UserSession
{
    public string Id { get; set; } = "";

    public Guid UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The browser as it named itself at sign-in (shortened), shown on the account page.</summary>
    public string? Device { get; set; }
}
