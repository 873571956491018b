using System.Diagnostics;
using System.Net;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Holes found from outside (issue: safe to go live): poisoned reset links, sessions that outlived sign-out,
/// reset, password change, lockout and role change, the account-existence timing oracle, headers and /health.
/// </summary>
public abstract class AccountSecurityTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Forgot_ForeignHostHeader_MailLinkUsesSiteAddressNotTheRequest()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = new SiteClient(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://evil.example") }));

        var response = await client.PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = person.Email! });
        var mail = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => m.To == person.Email).FirstAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", mail.TextBody);
        Assert.Contains("http://localhost:5000/account/reset?", mail.TextBody);
    }

    [Fact]
    public async Task ForwardedHeaders_FromASenderNotConfiguredAsProxy_Ignored()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = SiteClient.For(site);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        var signIn = await client.SignInAsync(person.Email!, SiteClient.TestPassword);
        await client.PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = person.Email! });
        var mail = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => m.To == person.Email).FirstAsync());

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("secure", SetCookie(signIn, "caa.session="), StringComparison.OrdinalIgnoreCase);
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("evil.example", mail.TextBody);
    }

    [Fact]
    public async Task SignOut_CookieCopiedBefore_RefusedForGetAndPost()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var owner = SiteClient.For(site);
        var session = SessionCookie(await owner.SignInAsync(person.Email!, SiteClient.TestPassword));
        var thief = Raw(session);
        var form = await thief.GetAsync("/account/password");
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = Token(await form.Content.ReadAsStringAsync());

        await owner.PostFormAsync("/", "/account/signout", new Dictionary<string, string>());
        var get = await thief.GetAsync("/learn");
        thief.DefaultRequestHeaders.Remove("Cookie");
        thief.DefaultRequestHeaders.Add("Cookie", session + "; " + antiforgery);
        var post = await thief.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = SiteClient.TestPassword,
            ["Password"] = "Stolen-session-2026!",
            ["ConfirmPassword"] = "Stolen-session-2026!",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/account/signin", get.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SiteClient.For(site).SignInAsync(person.Email!, SiteClient.TestPassword)).StatusCode);
    }

    [Fact]
    public async Task PasswordReset_EndsEverySessionAtOnce()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var phone = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var token = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<UserManager<AppUser>>().GeneratePasswordResetTokenAsync(person));

        var reset = await SiteClient.For(site).PostFormAsync("/account/reset", "/account/reset", new()
        {
            ["Email"] = person.Email!,
            ["Token"] = token,
            ["Password"] = "Reset-passw0rd-2026",
            ["ConfirmPassword"] = "Reset-passw0rd-2026",
        });
        var after = await phone.GetAsync("/learn");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PasswordChange_EndsOtherSessions_KeepsThisOne()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var desk = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var phone = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        var changed = await desk.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = SiteClient.TestPassword,
            ["Password"] = "Changed-passw0rd-2026",
            ["ConfirmPassword"] = "Changed-passw0rd-2026",
        });

        Assert.Contains("Your password has been changed", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/learn")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/learn")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_FromAccountPage_EndsAllSessions()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var desk = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var phone = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var page = await desk.GetStringAsync("/account/password");

        var done = await desk.PostFormAsync("/account/password", "/account/signout-everywhere", new Dictionary<string, string>());

        Assert.Contains("Where you are signed in", page);
        Assert.Contains("this device", page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await desk.GetAsync("/learn")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/learn")).StatusCode);
        Assert.Equal(0, await site.WithScopeAsync((_, db) => db.Sessions.CountAsync(s => s.UserId == person.Id)));
    }

    [Fact]
    public async Task RoleChange_ByAdministrator_EndsThePersonsSessions()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var trainee = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var saved = await admin.PostFormAsync($"/admin/people/{person.Id}", $"/admin/people/{person.Id}", new List<KeyValuePair<string, string>>
        {
            new("DisplayName", person.DisplayName),
            new("Email", person.Email!),
            new("Language", "en"),
            new("Roles", Roles.Trainee),
            new("Roles", Roles.Leader),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.GetAsync("/learn")).StatusCode);
    }

    [Fact]
    public async Task Lockout_ByFailedSignIns_EndsOpenSessions()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var owner = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var attacker = SiteClient.For(site);
        for (var i = 0; i < 5; i++)
        {
            await attacker.SignInAsync(person.Email!, "not-the-password-" + i);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/learn")).StatusCode);
    }

    [Fact]
    public async Task SignIn_LockedAccount_TakesAsLongAsAWrongPassword()
    {
        var locked = await site.PersonAsync(Roles.Trainee);
        var other = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (sp, _) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id.ToString()))!, DateTimeOffset.MaxValue);
        });
        var client = SiteClient.For(site);
        await client.SignInAsync(other.Email!, "warm-up-attempt");

        var lockedTimes = new List<double>();
        var wrongTimes = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            lockedTimes.Add(await TimeAsync(() => client.SignInAsync(locked.Email!, SiteClient.TestPassword)));
            wrongTimes.Add(await TimeAsync(() => client.SignInAsync(other.Email!, "wrong-" + i)));
        }

        // PBKDF2 with 210,000 iterations: a wrong password costs tens of milliseconds; a locked account used to answer in ~3 ms.
        Assert.True(Median(lockedTimes) > Median(wrongTimes) / 3, $"locked {Median(lockedTimes):F0} ms, wrong {Median(wrongTimes):F0} ms");
    }

    [Fact]
    public async Task Forgot_KnownAndUnknownAddress_BothTakeTheMinimumTime()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = SiteClient.For(site);
        await client.GetAsync("/account/forgot");

        var known = await TimeAsync(() => client.PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = person.Email! }));
        var unknown = await TimeAsync(() => client.PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = "nobody-" + Guid.NewGuid().ToString("N") + "@test.local" }));

        Assert.True(known >= 400, $"known {known:F0} ms");
        Assert.True(unknown >= 400, $"unknown {unknown:F0} ms");
    }

    [Fact]
    public async Task Health_Anonymous_SaysHealthyOnly_AdministratorSeesChecks()
    {
        var anonymous = await SiteClient.For(site).GetStringAsync("/health");
        var admin = await (await SiteClient.SignedInAsync(site, "admin@demo.local")).GetStringAsync("/health");

        Assert.Equal("{\"status\":\"Healthy\"}", anonymous);
        Assert.Contains("\"database\"", admin);
        Assert.DoesNotContain("description", admin);
    }

    [Fact]
    public async Task Pages_CarryStrictContentSecurityPolicyAndPermissionsPolicy()
    {
        var client = await SiteClient.SignedInAsync(site, "trainee1@demo.local");
        var response = await client.GetAsync("/learn");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("camera=()", string.Join(" ", response.Headers.GetValues("Permissions-Policy")));
        Assert.DoesNotContain("style=\"", body);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", body);
    }

    [Fact]
    public async Task OverHttps_HstsAndSecureCookies()
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://academy.test") });
        var https = new SiteClient(client);

        var signIn = await https.SignInAsync("trainee1@demo.local", SiteClient.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("max-age=", string.Join(" ", signIn.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(signIn.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private HttpClient Raw(string cookie)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static string SetCookie(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(prefix, StringComparison.Ordinal));

    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("caa.session=", StringComparison.Ordinal)).Split(';')[0];

    private static string Token(string page) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var started = Stopwatch.GetTimestamp();
        (await request()).Dispose();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// <summary>A SQLite site that hashes passwords at the production cost: the sign-in timing tests compare against it.</summary>
public sealed class ProductionHashSqliteSite : SqliteSite
{
    protected override bool ProductionHashing => true;
}

/// <summary>A PostgreSQL site that hashes passwords at the production cost.</summary>
public sealed class ProductionHashPostgresSite : PostgresSite
{
    protected override bool ProductionHashing => true;
}

public sealed class SqliteAccountSecurityTests(ProductionHashSqliteSite site) : AccountSecurityTests<ProductionHashSqliteSite>(site);

public sealed class PostgresAccountSecurityTests(ProductionHashPostgresSite site) : AccountSecurityTests<ProductionHashPostgresSite>(site);

/// <summary>The site in Production: refuses to start without a public address, answers only to its host.</summary>
public sealed class ProductionSiteTests
{
    private sealed class ProductionSite(string? publicUrl) : SqliteSite
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
            publicUrl is null ? [] : [new("Site:PublicUrl", publicUrl)];

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public void Production_WithoutPublicUrl_RefusesToStart()
    {
        using var site = new ProductionSite(null);

        var error = Assert.ThrowsAny<Exception>(() => site.Server);

        Assert.Contains("Site:PublicUrl", error.ToString());
    }

    [Fact]
    public void Production_PublicUrlNotAnAddress_RefusesToStart()
    {
        using var site = new ProductionSite("academy.example.org/path?x=1");

        Assert.Contains("Site:PublicUrl", Assert.ThrowsAny<Exception>(() => site.Server).ToString());
    }

    [Fact]
    public async Task Production_ForeignHostHeader_Refused_OwnHostServed()
    {
        await using var site = new ProductionSite("http://localhost");
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var own = await client.GetAsync("/account/signin");
        var foreign = await client.GetAsync("http://evil.example/account/signin");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }
}
