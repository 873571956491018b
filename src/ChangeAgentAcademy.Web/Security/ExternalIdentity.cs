using System.Security.Claims;
using System.Text.Json;
using ChangeAgentAcademy.Web.Services;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>Who the directory says signed in: its subject, e-mail (and whether it vouches for it), name and groups.</summary>
public sealed record ExternalIdentity(string Subject, string? Email, bool EmailVerified, string? Name, IReadOnlyList<string> Groups)
{
    public static ExternalIdentity From(ClaimsPrincipal principal, DirectoryOptions options)
    {
        var groups = new List<string>();
        foreach (var claim in principal.FindAll(options.GroupsClaim))
        {
            // One claim per group, or a JSON array in one claim (some providers).
            if (claim.Value.StartsWith('[') && TryArray(claim.Value) is { } many)
            {
                groups.AddRange(many);
            }
            else if (!string.IsNullOrWhiteSpace(claim.Value))
            {
                groups.Add(claim.Value);
            }
        }

        return new ExternalIdentity(
            principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
            principal.FindFirst(options.EmailClaim)?.Value?.Trim(),
            DirectorySignInRules.IsVerified(principal.FindFirst("email_verified")?.Value),
            principal.FindFirst("name")?.Value?.Trim(),
            groups);
    }

    private static List<string>? TryArray(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
