using System.Security.Claims;

namespace ChangeAgentAcademy.Security;

public static class UserExtensions
{
    /// <summary>The signed-in person's id, or null for an anonymous request.</summary>
    public static Guid? PersonId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid RequiredPersonId(this ClaimsPrincipal user) =>
        user.PersonId() ?? throw new InvalidOperationException("No signed-in person.");
}
