using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ChangeAgentAcademy.TestIdentityProvider;

/// <summary>
/// A real OpenID Connect provider on loopback (Kestrel, a random port), built on OpenIddict's server: discovery,
/// key set, authorization code flow with PKCE, id_token with email, email_verified and groups, end-session.
/// The authorization endpoint signs in <see cref="User"/> at once (no form). <see cref="Fault"/> makes the next
/// id_token expired or signed with a key the key set does not hold.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "academy";
    public const string ClientSecret = "academy-test-secret";
    public const string GroupsScope = "groups";

    private readonly WebApplication app;
    private readonly SqliteConnection database;

    private TestIdentityProvider(WebApplication app, SqliteConnection database, Uri authority)
    {
        this.app = app;
        this.database = database;
        Authority = authority;
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Authority { get; }

    public TestUser User { get; set; } = new("subject-1", "anna@municipality.example", true, "Anna Andersson", []);

    public TokenFault Fault { get; set; }

    /// <summary>Every end-session request (the id_token_hint it carried, or an empty string).</summary>
    public ConcurrentQueue<string> EndSessions { get; } = new();

    /// <summary>Every authorization request (its query).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Starts the provider; <paramref name="siteAddresses"/> are the sites it serves (their /signin-oidc and /signout-callback-oidc are its redirect addresses).</summary>
    public static async Task<TestIdentityProvider> StartAsync(params Uri[] siteAddresses)
    {
        var database = new SqliteConnection("Data Source=:memory:");
        await database.OpenAsync();
        TestIdentityProvider? self = null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(TestIdentityProvider).Assembly.GetName().Name, EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<IdpDbContext>(o => o.UseSqlite(database).UseOpenIddict());
        var wrongKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "not-published" };
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile, GroupsScope);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                o.AddEventHandler<OpenIddictServerEvents.GenerateTokenContext>(h => h
                    .UseInlineHandler(context =>
                    {
                        if (context.TokenType == TokenTypeIdentifiers.IdentityToken && self is { } idp)
                        {
                            switch (idp.Fault)
                            {
                                case TokenFault.Expired:
                                    var past = DateTimeOffset.UtcNow.AddHours(-1);
                                    context.Principal.SetCreationDate(past.AddMinutes(-5)).SetExpirationDate(past);
                                    break;
                                case TokenFault.WrongKey:
                                    context.SigningCredentials = new SigningCredentials(wrongKey, SecurityAlgorithms.RsaSha256);
                                    break;
                            }
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
            });

        var web = builder.Build();
        MapEndpoints(web, () => self!);
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestIdentityProvider(web, database, new Uri(address.TrimEnd('/') + "/"));

        await using (var scope = web.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Database.EnsureCreatedAsync();
        }

        await self.AddSitesAsync(siteAddresses);

        // Warm: the first discovery and key-set answers are slow on a busy machine (a site waits at most 10 s).
        using (var warm = new HttpClient())
        {
            await warm.GetStringAsync(new Uri(self.Authority, ".well-known/openid-configuration"));
            await warm.GetStringAsync(new Uri(self.Authority, ".well-known/jwks"));
        }

        return self;
    }

    /// <summary>Registers the site addresses (each site's callback addresses) with the one client.</summary>
    public async Task AddSitesAsync(params Uri[] siteAddresses)
    {
        await using var scope = this.app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var existing = await manager.FindByClientIdAsync(ClientId);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Change Agent Academy",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + GroupsScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (existing is not null)
        {
            await manager.PopulateAsync(descriptor, existing);
            descriptor.ClientSecret = ClientSecret;
        }

        foreach (var site in siteAddresses)
        {
            descriptor.RedirectUris.Add(new Uri(site, "signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri(site, "signout-callback-oidc"));
        }

        if (existing is null)
        {
            await manager.CreateAsync(descriptor);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor);
        }
    }

    private static void MapEndpoints(WebApplication app, Func<TestIdentityProvider> self)
    {
        app.MapMethods("connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            var idp = self();
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            idp.Authorizations.Enqueue(context.Request.QueryString.Value ?? "");
            var user = idp.User;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, user.Subject));
            identity.AddClaim(new Claim(Claims.Name, user.Name));
            identity.AddClaim(new Claim(Claims.Email, user.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            foreach (var group in user.Groups)
            {
                identity.AddClaim(new Claim(GroupsScope, group));
            }

            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapPost("connect/token", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is null)
            {
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            return Results.SignIn(result.Principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapMethods("connect/endsession", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            self().EndSessions.Enqueue(context.GetOpenIddictServerRequest()?.IdTokenHint ?? "");
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }
}
