using Microsoft.AspNetCore.Authentication;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>Where the session id lives: in the (encrypted) cookie ticket's properties, kept across refreshes.</summary>
public static class SessionCookie
{
    public const string IdKey = "caa.sid";

    public static string? Id(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(IdKey, out var id) == true ? id : null;

    /// <summary>The current request's session id (authenticates the cookie again; for the few actions that need it).</summary>
    public static async Task<string?> CurrentIdAsync(HttpContext context) =>
        Id((await context.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)).Properties);
}
