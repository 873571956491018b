using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.TestIdentityProvider;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Idp = ChangeAgentAcademy.TestIdentityProvider.TestIdentityProvider;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>The settings of a site that signs in with the test provider (started first, on loopback).</summary>
internal static class DirectorySettings
{
    public static IEnumerable<KeyValuePair<string, string?>> For(Uri authority, bool localSignIn = true) =>
    [
        new("Authentication:OpenIdConnect:Authority", authority.ToString()),
        new("Authentication:OpenIdConnect:ClientId", Idp.ClientId),
        new("Authentication:OpenIdConnect:ClientSecret", Idp.ClientSecret),
        new("Authentication:OpenIdConnect:Scopes", "openid profile email groups"),
        new("Authentication:OpenIdConnect:DisplayName", "Kommunens konto"),
        new("Authentication:OpenIdConnect:RequireHttpsMetadata", "false"),
        new("Authentication:LocalSignIn", localSignIn ? "true" : "false"),
        new("Authentication:RoleMap:academy-trainers", "Trainer"),
        new("Authentication:RoleMap:academy-leaders", "Leader"),
        new("Authentication:RoleMap:academy-trainees", "trainee"),
    ];
}

public sealed class SqliteDirectorySite : SqliteSite
{
    public Idp Directory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Directory = await Idp.StartAsync(new Uri("http://localhost/"));
        await base.InitializeAsync();
    }

    /// <summary>Off unless a test arms it: stages two sign-ins racing (see the concurrency tests).</summary>
    public SignInRaceGate Race { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Race);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => DirectorySettings.For(Directory.Authority);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Directory.DisposeAsync();
    }
}

public sealed class PostgresDirectorySite : PostgresSite
{
    public Idp Directory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Directory = await Idp.StartAsync(new Uri("http://localhost/"));
        await base.InitializeAsync();
    }

    /// <summary>Off unless a test arms it: stages two sign-ins racing (see the concurrency tests).</summary>
    public SignInRaceGate Race { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Race);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => DirectorySettings.For(Directory.Authority);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Directory.DisposeAsync();
    }
}

/// <summary>A site whose directory is down (nothing listens at its address); local accounts stay on.</summary>
public sealed class DirectoryDownSite : SqliteSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => DirectorySettings.For(new Uri("http://127.0.0.1:9/"));
}

/// <summary>A site that signs in with the directory only.</summary>
public sealed class DirectoryOnlySite : SqliteSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => DirectorySettings.For(new Uri("http://127.0.0.1:9/"), localSignIn: false);
}

/// <summary>
/// Single sign-on against a real OpenID Connect server (OpenIddict, on loopback): the site's browser steps are
/// played by hand (the site's test client for the site, a plain HTTP client for the provider), so every
/// redirect, form post, state, nonce and token is the real one.
/// </summary>
public abstract partial class DirectorySignInTests<TSite>(TSite site, Func<TSite, Idp> provider, Func<TSite, SignInRaceGate> race) : IClassFixture<TSite> where TSite : SiteFactory
{
    private Idp Idp => provider(site);

    private SignInRaceGate Race => race(site);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task FirstSignIn_UnknownPerson_CreatedJustInTime_WithMappedRoles_AndALocalSession()
    {
        var email = Unique("new") + "@municipality.example";
        Idp.User = new TestUser(Unique("sub"), email, true, "Nora Nyman", ["academy-trainees", "some-other-group"]);

        var (client, final) = await SignInThroughProviderAsync();
        var person = await Person(email);
        var roles = await Roles(person!.Id);
        var sessions = await site.WithScopeAsync((_, db) => db.Sessions.CountAsync(s => s.UserId == person.Id));
        var start = await client.GetAsync("/learn");

        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        Assert.Equal("/", final.Headers.Location!.OriginalString);
        Assert.Equal("Nora Nyman", person.DisplayName);
        Assert.True(person.EmailConfirmed);
        Assert.Null(person.PasswordHash);
        Assert.Equal([ChangeAgentAcademy.Security.Roles.Trainee], roles);
        Assert.Equal(1, sessions);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains(await Audit(person.Id), a => a.Action == "account.created-from-directory");
    }

    [Fact]
    public async Task FirstSignIn_VerifiedEmailOfAnExistingPerson_LinksThatPerson()
    {
        var existing = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        Idp.User = new TestUser(Unique("sub"), existing.Email!, true, "Someone Else", ["academy-trainees"]);

        var (client, final) = await SignInThroughProviderAsync();
        var people = await site.WithScopeAsync((_, db) => db.Users.CountAsync(u => u.Email == existing.Email));
        var logins = await site.WithScopeAsync((_, db) => db.UserLogins.Where(l => l.UserId == existing.Id).Select(l => l.ProviderKey).ToListAsync());
        var start = await client.GetAsync("/learn");

        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        Assert.Equal(1, people);
        Assert.Equal([Idp.User.Subject], logins);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains(await Audit(existing.Id), a => a.Action == "account.linked-to-directory");
    }

    [Fact]
    public async Task FirstSignIn_UnverifiedEmailOfAnExistingPerson_RefusedWithAMessage_NotLinked()
    {
        var existing = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        Idp.User = new TestUser(Unique("sub"), existing.Email!, false, "Mallory", []);

        var (client, final) = await SignInThroughProviderAsync();
        var page = await client.GetStringAsync("/account/signin");
        var logins = await site.WithScopeAsync((_, db) => db.UserLogins.CountAsync(l => l.UserId == existing.Id));
        var start = await client.GetAsync("/learn");

        Assert.Equal("/account/signin", final.Headers.Location!.OriginalString);
        Assert.Contains("has not confirmed that the address is yours", WebUtility.HtmlDecode(page));
        Assert.Equal(0, logins);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
    }

    [Fact]
    public async Task GroupChangeInTheDirectory_AppliedAtNextSignIn_Audited_HandGivenRolesKept()
    {
        var email = Unique("grp") + "@municipality.example";
        var subject = Unique("sub");
        Idp.User = new TestUser(subject, email, true, "Greta Grupp", ["academy-trainers", "academy-leaders"]);
        await SignInThroughProviderAsync();
        var person = await Person(email);
        await site.WithScopeAsync(async (sp, _) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(person!.Id.ToString()))!, ChangeAgentAcademy.Security.Roles.Supervisor);
        });
        var first = await Roles(person!.Id);

        Idp.User = Idp.User with { Groups = ["ACADEMY-TRAINEES", "academy-leaders"] };
        var (_, again) = await SignInThroughProviderAsync();
        var second = await Roles(person.Id);
        var changes = (await Audit(person.Id)).Where(a => a.Action == "account.roles-from-directory").ToList();

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["Leader", "Supervisor", "Trainer"], first);
        Assert.Equal(["Leader", "Supervisor", "Trainee"], second);
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Details == "added: Trainee; removed: Trainer");
    }

    [Fact]
    public async Task TamperedState_Refused_NoSession()
    {
        Idp.User = new TestUser(Unique("sub"), Unique("st") + "@municipality.example", true, "State", []);

        var (client, final) = await SignInThroughProviderAsync(form: f => f["state"] = f["state"][..^4] + "AAAA");
        var page = await Follow(client, final);

        Assert.Equal("/account/external/failed", final.Headers.Location!.OriginalString);
        Assert.Contains("did not succeed", WebUtility.HtmlDecode(page));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/learn")).StatusCode);
        Assert.Null(await Person(Idp.User.Email));
    }

    [Fact]
    public async Task TamperedNonce_Refused_NoSession()
    {
        Idp.User = new TestUser(Unique("sub"), Unique("nc") + "@municipality.example", true, "Nonce", []);

        var (client, final) = await SignInThroughProviderAsync(authorize: url => NoncePattern().Replace(url, "nonce=tampered"));

        Assert.Equal("/account/external/failed", final.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/learn")).StatusCode);
        Assert.Null(await Person(Idp.User.Email));
    }

    [Theory]
    [InlineData(TokenFault.Expired)]
    [InlineData(TokenFault.WrongKey)]
    public async Task BadIdToken_Refused_NoSession(TokenFault fault)
    {
        Idp.User = new TestUser(Unique("sub"), Unique("tk") + "@municipality.example", true, "Token", []);
        Idp.Fault = fault;
        try
        {
            var (client, final) = await SignInThroughProviderAsync();

            Assert.Equal("/account/external/failed", final.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/learn")).StatusCode);
            Assert.Null(await Person(Idp.User.Email));
        }
        finally
        {
            Idp.Fault = TokenFault.None;
        }
    }

    [Fact]
    public async Task SignOut_EndsTheLocalSession_AndTheProvidersSession()
    {
        Idp.User = new TestUser(Unique("sub"), Unique("out") + "@municipality.example", true, "Otto", []);
        var (client, _) = await SignInThroughProviderAsync();
        var before = Idp.EndSessions.Count;

        var signOut = await client.PostFormAsync("/", "/account/signout", new Dictionary<string, string>());
        var endSession = signOut.Headers.Location!;
        using var browser = ProviderClient();
        var back = await browser.GetAsync(endSession);
        var callback = await client.GetAsync(back.Headers.Location!.PathAndQuery);
        var person = await Person(Idp.User.Email);
        var sessions = await site.WithScopeAsync((_, db) => db.Sessions.CountAsync(s => s.UserId == person!.Id));

        Assert.StartsWith(Idp.Authority + "connect/endsession", endSession.ToString());
        Assert.Contains("id_token_hint=", endSession.Query);
        Assert.Equal(before + 1, Idp.EndSessions.Count);
        Assert.StartsWith("http://localhost/signout-callback-oidc", back.Headers.Location!.ToString());
        Assert.Equal("/account/signin", callback.Headers.Location!.OriginalString);
        Assert.Equal(0, sessions);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/learn")).StatusCode);
    }

    /// <summary>
    /// Two first sign-ins of one person at the same moment, the race staged at each place the loser can lose it: both
    /// read "nobody yet", then the winner commits before the loser checks the name (Identity says "already taken"),
    /// before it inserts the person (a unique key), or before it inserts the link to a person found by e-mail (a
    /// primary key). The loser reads again and signs in as the winner's person. On PostgreSQL the two meet at the
    /// point; SQLite serialises writers from BEGIN, so there the second only starts when the first has committed.
    /// </summary>
    [Theory]
    [InlineData("NormalizedUserName = @", false)]
    [InlineData("INSERT INTO core_users ", false)]
    [InlineData("INSERT INTO core_user_logins ", true)]
    public async Task FirstSignIn_TwiceAtTheSameMoment_OnePersonOneLink(string losesAt, bool existingPerson)
    {
        for (var round = 0; round < 3; round++)
        {
            var email = existingPerson ? (await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee)).Email! : Unique("twice") + "@municipality.example";
            var who = new ChangeAgentAcademy.Web.Security.ExternalIdentity(Unique("sub"), email, true, "Twice", ["academy-trainees"]);
            // PostgreSQL: the second sign-in gets to the point (on a loaded machine, seconds later). SQLite: it cannot.
            Race.Arm(losesAt, site is PostgresSite ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(1));
            ChangeAgentAcademy.Modules.Result<AppUser>[] results;
            try
            {
                results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                {
                    SignInRaceGate.Enter();
                    return site.WithScopeAsync((sp, _) => sp.GetRequiredService<ChangeAgentAcademy.Web.Services.ExternalSignInService>().SignInAsync(who));
                })));
            }
            finally
            {
                Race.Disarm();
            }

            var people = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Email == who.Email).Select(u => u.Id).ToListAsync());
            var logins = await site.WithScopeAsync((_, db) => db.UserLogins.CountAsync(l => l.ProviderKey == who.Subject));

            Assert.True(site is not PostgresSite || Race.Met, "the two sign-ins did not meet at " + losesAt);
            Assert.All(results, r => Assert.True(r.Ok, r.Error));
            Assert.Single(people);
            Assert.Equal(1, logins);
            Assert.All(results, r => Assert.Equal(people[0], r.Value!.Id));
        }
    }

    [Fact]
    public async Task SignInPage_OffersTheDirectory_AndThePasswordForm()
    {
        var page = await SiteClient.For(site).GetStringAsync("/account/signin");

        Assert.Contains("Sign in with Kommunens konto", page);
        Assert.Contains("name=\"Password\"", page);
    }

    /// <summary>The browser's steps: the button, the provider's authorize page (auto sign-in, form_post back), the callback, the site's "done".</summary>
    private async Task<(SiteClient Client, HttpResponseMessage Final)> SignInThroughProviderAsync(Func<string, string>? authorize = null, Action<Dictionary<string, string>>? form = null)
    {
        var client = SiteClient.For(site);
        var start = await client.PostFormAsync("/account/signin", "/account/external", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorizeUrl = start.Headers.Location!.ToString();
        Assert.StartsWith(Idp.Authority + "connect/authorize", authorizeUrl);
        Assert.Contains("code_challenge_method=S256", authorizeUrl);

        using var browser = ProviderClient();
        var answer = await browser.GetAsync(authorize?.Invoke(authorizeUrl) ?? authorizeUrl);
        var html = await answer.Content.ReadAsStringAsync();
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.True(fields.ContainsKey("code") || fields.ContainsKey("error"), html);
        form?.Invoke(fields);

        var callback = await client.Http.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        if (!callback.Headers.Location!.OriginalString.StartsWith("/account/external/done", StringComparison.Ordinal))
        {
            return (client, callback);
        }

        return (client, await client.GetAsync(callback.Headers.Location.OriginalString));
    }

    private static HttpClient ProviderClient() => new(new HttpClientHandler { AllowAutoRedirect = false });

    private static async Task<string> Follow(SiteClient client, HttpResponseMessage response)
    {
        while (response.StatusCode == HttpStatusCode.Redirect)
        {
            response = await client.GetAsync(response.Headers.Location!.OriginalString);
        }

        return await response.Content.ReadAsStringAsync();
    }

    private Task<AppUser?> Person(string email) =>
        site.WithScopeAsync((_, db) => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email));

    private Task<List<string>> Roles(Guid personId) =>
        site.WithScopeAsync((_, db) => db.UserRoles.Where(r => r.UserId == personId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());

    private Task<List<AuditEntry>> Audit(Guid personId) =>
        site.WithScopeAsync((_, db) => db.Audit.AsNoTracking().Where(a => a.Subject == personId.ToString()).OrderBy(a => a.Id).ToListAsync());

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("nonce=[^&]+")]
    private static partial Regex NoncePattern();
}

public sealed class SqliteDirectorySignInTests(SqliteDirectorySite site) : DirectorySignInTests<SqliteDirectorySite>(site, s => s.Directory, s => s.Race);

public sealed class PostgresDirectorySignInTests(PostgresDirectorySite site) : DirectorySignInTests<PostgresDirectorySite>(site, s => s.Directory, s => s.Race);

/// <summary>The directory not answering: a clear message on the sign-in page, and local accounts still work.</summary>
public sealed class DirectoryDownTests(DirectoryDownSite site) : IClassFixture<DirectoryDownSite>
{
    [Fact]
    public async Task ProviderDown_ClearMessage_LocalSignInStillWorks()
    {
        var person = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        var client = SiteClient.For(site);

        var start = await client.PostFormAsync("/account/signin", "/account/external", new Dictionary<string, string>());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(start.Headers.Location!.OriginalString));
        var local = await client.SignInAsync(person.Email!, SiteClient.TestPassword);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/account/signin", start.Headers.Location!.OriginalString);
        Assert.Contains("Kommunens konto is not answering just now", page);
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learn")).StatusCode);
    }

    [Fact]
    public async Task ProviderDown_InSwedish_TheMessageIsSwedish()
    {
        var client = SiteClient.For(site);
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv");

        var start = await client.PostFormAsync("/account/signin", "/account/external", new Dictionary<string, string>());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(start.Headers.Location!.OriginalString));

        Assert.Contains("Kommunens konto svarar inte just nu", page);
    }
}

/// <summary>Local sign-in switched off: no password form, and the password paths answer 404.</summary>
public sealed class DirectoryOnlyTests(DirectoryOnlySite site) : IClassFixture<DirectoryOnlySite>
{
    [Fact]
    public async Task LocalSignInOff_NoPasswordForm_PasswordPathsClosed()
    {
        var person = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        var client = SiteClient.For(site);

        var page = await client.GetStringAsync("/account/signin");
        var token = await client.TokenAsync("/account/signin");
        var post = await client.Http.PostAsync("/account/signin", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", person.Email!), new("Password", SiteClient.TestPassword)]));
        var forgot = await client.GetAsync("/account/forgot");

        Assert.Contains("Sign in with Kommunens konto", page);
        Assert.DoesNotContain("name=\"Password\"", page);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgot.StatusCode);
    }
}
