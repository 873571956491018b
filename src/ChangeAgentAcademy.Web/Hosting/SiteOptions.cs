namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>Section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people reach the site at (scheme, host, optional port and path base). Required in Production.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Proxies (IP addresses) and networks (CIDR) whose X-Forwarded-For/Proto/Host headers are believed.
    /// Empty: forwarded headers are ignored, whoever sends them.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>This node's name, sent as the <c>X-Node</c> header on every answer (several nodes behind a proxy); none when empty.</summary>
    public string? NodeId { get; set; }

    /// <summary>The configured public address (<c>Site:PublicUrl</c>, else <c>Mail:SiteUrl</c>), or null when none is set.</summary>
    public static string? Configured(IConfiguration configuration)
    {
        var value = configuration[$"{Section}:{nameof(PublicUrl)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration["Mail:SiteUrl"];
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>An absolute http(s) address without query or fragment, or null.</summary>
    public static Uri? Parse(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;
}
