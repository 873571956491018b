namespace ChangeAgentAcademy.Web.Security;

/// <summary>Section <c>Authentication</c>: how people sign in.</summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "Authentication";

    /// <summary>E-mail and password accounts (sign-in, forgotten and reset password). Off: only the directory.</summary>
    public bool LocalSignIn { get; set; } = true;

    public DirectoryOptions OpenIdConnect { get; set; } = new();

    /// <summary><c>Authentication:RoleMap:&lt;group&gt;=&lt;Role&gt;</c>: a directory group and the role its members get here.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
