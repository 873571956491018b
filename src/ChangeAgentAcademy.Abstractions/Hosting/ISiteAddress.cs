namespace ChangeAgentAcademy.Hosting;

/// <summary>
/// The site's one public address, for every absolute link that leaves the site (mail, iCal, exports).
/// It comes from configuration (<c>Site:PublicUrl</c>, or the older <c>Mail:SiteUrl</c>), never from the
/// request's Host header: a link built from the request can be poisoned (a reset link to an attacker's host).
/// </summary>
public interface ISiteAddress
{
    /// <summary>The public base address, without a trailing slash (e.g. <c>https://academy.example.dk</c>).</summary>
    string BaseUrl { get; }

    /// <summary>An absolute URL for a site-relative path such as <c>/account/reset?x=y</c>.</summary>
    string Absolute(string relativePath);
}
