namespace ChangeAgentAcademy.Web.Security;

/// <summary>Section <c>Authentication:OpenIdConnect</c>: the organisation's directory (Entra ID, AD FS, a national IdP).</summary>
public sealed class DirectoryOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>. Single sign-on is off while it is empty.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space- or comma-separated; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The name on the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your organisation's account";

    public string EmailClaim { get; set; } = "email";

    public string GroupsClaim { get; set; } = "groups";

    /// <summary>The provider's metadata must come over https (off only for a test provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public IReadOnlyList<string> ScopeList()
    {
        var scopes = Scopes.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!scopes.Contains("openid", StringComparer.Ordinal))
        {
            scopes.Insert(0, "openid");
        }

        return scopes.Distinct(StringComparer.Ordinal).ToList();
    }
}
