using ChangeAgentAcademy.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// The configured public address; without one (development, tests) the address the server listens on, with a
/// wildcard host read as <c>localhost</c>, so a site started with <c>--urls http://0.0.0.0:8080</c> mails links to port 8080.
/// </summary>
public sealed class SiteAddress(IConfiguration configuration, IServer server) : ISiteAddress
{
    private string? resolved;

    public string BaseUrl => resolved ??= Resolve();

    public string Absolute(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!relativePath.StartsWith('/') || relativePath.StartsWith("//", StringComparison.Ordinal) || relativePath.StartsWith("/\\", StringComparison.Ordinal))
        {
            throw new ArgumentException("A site-relative path starting with one '/' is expected.", nameof(relativePath));
        }

        return BaseUrl + relativePath;
    }

    private string Resolve()
    {
        if (SiteOptions.Parse(SiteOptions.Configured(configuration)) is { } configured)
        {
            return configured.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return FromListeningAddress(listening);
    }

    /// <summary><c>http://0.0.0.0:8080</c> → <c>http://localhost:8080</c>; <c>http://+:80</c> → <c>http://localhost:80</c>.</summary>
    public static string FromListeningAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "http://localhost";
        }

        var text = address.Trim();
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
        {
            text = text.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "http://localhost";
    }
}
