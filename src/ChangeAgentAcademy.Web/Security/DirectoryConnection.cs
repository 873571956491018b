using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>The directory's published configuration (discovery document and keys), or null when it cannot be reached.</summary>
public sealed class DirectoryConnection(IOptions<ExternalSignInOptions> options, IOptionsMonitor<OpenIdConnectOptions> handlers, ILogger<DirectoryConnection> log)
{
    public bool IsConfigured => options.Value.OpenIdConnect.IsConfigured;

    public string DisplayName => options.Value.OpenIdConnect.DisplayName;

    public async Task<OpenIdConnectConfiguration?> ConfigurationAsync(CancellationToken ct)
    {
        if (!IsConfigured || handlers.Get(ExternalSignIn.Scheme).ConfigurationManager is not { } manager)
        {
            return null;
        }

        try
        {
            return await manager.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            log.LogWarning(e, "The directory {Authority} cannot be reached", options.Value.OpenIdConnect.Authority);
            return null;
        }
    }
}
