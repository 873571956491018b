namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// Headers on every answer. The Content-Security-Policy allows scripts, styles, images and fonts from the site
/// only: no inline scripts or style attributes (pages load their scripts from /js, progress bars use classes),
/// no other origins (images written into Markdown by people are shown as links, never loaded), no framing.
/// The Hangfire dashboard (/admin/jobs, administrators only) ships inline scripts and styles it does not let us
/// change: it alone gets 'unsafe-inline'. With single sign-on configured, forms may also lead to the directory's
/// origin (the sign-in button and sign-out redirect there; browsers apply form-action to redirects).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, Microsoft.Extensions.Options.IOptions<ExternalSignInOptions> signIn)
{
    private readonly string policy = WithDirectory(ContentSecurityPolicy, signIn.Value.OpenIdConnect);

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/admin/jobs") ? DashboardPolicy : policy;
        return next(context);
    }

    /// <summary>The policy with the directory's origin added to form-action, when single sign-on is configured.</summary>
    public static string WithDirectory(string policy, DirectoryOptions directory) =>
        directory.IsConfigured && Uri.TryCreate(directory.Authority, UriKind.Absolute, out var authority)
            ? policy.Replace("form-action 'self'", $"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : policy;
}
