using ChangeAgentAcademy.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// Single sign-on with the organisation's directory (OpenID Connect, authorization code flow with PKCE), from
/// configuration only. The handler signs into Identity's short external cookie; <c>ExternalSignInController</c>
/// then links or creates the person, applies the directory's roles and issues the same local session as a
/// password sign-in (a <c>core_sessions</c> row, checked on every request by every node).
/// </summary>
public static class ExternalSignIn
{
    public const string Scheme = "oidc";

    /// <summary>Where the id_token is kept in the local session's ticket (for the provider's sign-out).</summary>
    public const string IdTokenHintKey = "caa.id_token_hint";

    public static IServiceCollection AddExternalSignIn(this IServiceCollection services, IConfiguration configuration, Uri? publicUrl)
    {
        var section = configuration.GetSection(ExternalSignInOptions.Section);
        services.Configure<ExternalSignInOptions>(section);
        services.AddScoped<ExternalSignInService>();
        services.AddSingleton<DirectoryConnection>();
        services.Configure<MvcOptions>(o => o.Filters.Add<LocalSignInGate>());

        var options = section.Get<ExternalSignInOptions>() ?? new ExternalSignInOptions();
        var directory = options.OpenIdConnect;
        if (!directory.IsConfigured)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(Scheme, directory.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = directory.Authority;
            o.ClientId = directory.ClientId;
            o.ClientSecret = directory.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.RequireHttpsMetadata = directory.RequireHttpsMetadata;
            o.Scope.Clear();
            foreach (var scope in directory.ScopeList())
            {
                o.Scope.Add(scope);
            }

            // The id_token's claims as the provider names them (email, groups, sub), not mapped to WS-* types.
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = true;
            o.TokenValidationParameters.NameClaimType = "name";
            o.BackchannelTimeout = TimeSpan.FromSeconds(10);
            // Over plain http (a test provider on loopback) the correlation and nonce cookies cannot be SameSite=None
            // (browsers require Secure for that); the provider and the site are then one site, so Lax is enough.
            if (publicUrl?.Scheme != Uri.UriSchemeHttps)
            {
                foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }
            }

            o.Events.OnRemoteFailure = context =>
            {
                // A refused state or nonce, an expired or wrongly signed token, an error from the provider: a message, never a 500.
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignIn))
                    .LogWarning(context.Failure, "Sign-in with the directory refused: {Reason}", context.Failure?.Message);
                var links = context.HttpContext.RequestServices.GetRequiredService<LinkGenerator>();
                context.Response.Redirect(links.GetPathByAction(context.HttpContext, "Failed", "ExternalSignIn") ?? "/");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (context.Properties.Items.TryGetValue(IdTokenHintKey, out var hint) && !string.IsNullOrEmpty(hint))
                {
                    context.ProtocolMessage.IdTokenHint = hint;
                }

                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Before the local sign-out: when this session came from the directory and the provider has an end-session
    /// endpoint, the properties to sign out of the provider too (returning to <paramref name="returnTo"/>); else null.
    /// </summary>
    public static async Task<AuthenticationProperties?> ProviderSignOutAsync(HttpContext context, string returnTo)
    {
        var idToken = await context.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token");
        if (string.IsNullOrEmpty(idToken))
        {
            return null;
        }

        var configuration = await context.RequestServices.GetRequiredService<DirectoryConnection>().ConfigurationAsync(context.RequestAborted);
        if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
        {
            return null;
        }

        var properties = new AuthenticationProperties { RedirectUri = returnTo };
        properties.Items[IdTokenHintKey] = idToken;
        return properties;
    }
}
