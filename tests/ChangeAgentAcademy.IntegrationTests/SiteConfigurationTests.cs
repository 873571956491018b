using System.Net;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.IntegrationTests;

public sealed class CohortsOffSite : SqliteSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Modules:Cohorts:Enabled", "false")];
}

/// <summary>A module switched off in configuration: its routes, menu entries and jobs are gone.</summary>
public sealed class ModuleSwitchedOffTests(CohortsOffSite site) : IClassFixture<CohortsOffSite>
{
    [Fact]
    public async Task CohortsOff_RoutesGive404()
    {
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var leader = await SiteClient.SignedInAsync(site, "leader1@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/cohorts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/team")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/people")).StatusCode);
    }

    [Fact]
    public async Task CohortsOff_MenuAndStartPanelGone()
    {
        var home = await (await SiteClient.SignedInAsync(site, "leader1@demo.local")).GetStringAsync("/");
        var adminHome = await (await SiteClient.SignedInAsync(site, "admin@demo.local")).GetStringAsync("/");

        Assert.DoesNotContain("href=\"/team\"", home);
        Assert.DoesNotContain("href=\"/cohorts\"", adminHome);
        Assert.Contains("href=\"/admin/people\"", adminHome);
    }

    [Fact]
    public void CohortsOff_RecurringJobGone()
    {
        using var connection = site.Services.GetRequiredService<JobStorage>().GetConnection();
        var ids = connection.GetRecurringJobs().Select(j => j.Id).ToList();

        Assert.Contains("notifications:outbox", ids);
        Assert.DoesNotContain("cohorts:close-ended", ids);
    }
}

public sealed class StrictRateLimitSite : SqliteSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Security:SignInAttemptsPerMinute", "3")];
}

public sealed class SignInRateLimitTests(StrictRateLimitSite site) : IClassFixture<StrictRateLimitSite>
{
    [Fact]
    public async Task SignIn_MoreAttemptsThanAllowedFromOneAddress_429ReadablePage()
    {
        var client = SiteClient.For(site);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync($"someone{i}@demo.local", "wrong")).StatusCode);
        }

        var last = await client.SignInAsync("admin@demo.local", SiteClient.DemoPassword);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("Too many attempts", await last.Content.ReadAsStringAsync());
    }
}

public sealed class FakeClockSite : SqliteSite
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Session limits with a fake clock: 30 minutes idle, 12 hours absolute.</summary>
public sealed class SessionLimitTests(FakeClockSite site) : IClassFixture<FakeClockSite>
{
    [Fact]
    public async Task Session_IdleThirtyOneMinutes_SignedOut()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        site.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Session_ActiveEveryTwentyMinutes_EndsAfterTwelveHours()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var elapsed = TimeSpan.Zero;
        var lastOk = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromHours(13))
        {
            site.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            if ((await client.GetAsync("/")).StatusCode != HttpStatusCode.OK)
            {
                break;
            }

            lastOk = elapsed;
        }

        Assert.True(lastOk >= TimeSpan.FromHours(11.5), $"signed out too early, after {lastOk}");
        Assert.True(lastOk < TimeSpan.FromHours(12), $"still signed in after {lastOk}");
    }
}
