using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// What lets the suite run sites side by side and start them from a template (docs/TESTING.md): two sites started
/// at once keep their own Hangfire storage and activator, and a site whose database is a copy of the template has
/// every migration and the demo data, yet nothing written in one site shows in another.
/// </summary>
public abstract class TestIsolationTests<TSite> where TSite : SiteFactory, new()
{
    [Fact]
    public async Task TwoSitesStartedAtOnce_EachKeepsItsOwnJobStorageAndActivator()
    {
        var first = new TSite();
        var second = new TSite();

        await Task.WhenAll(Task.Run(first.InitializeAsync), Task.Run(second.InitializeAsync));
        try
        {
            var storages = new[] { first, second }.Select(s => s.Services.GetRequiredService<JobStorage>()).ToList();
            var activators = new[] { first, second }.Select(s => s.Services.GetRequiredService<JobActivator>()).ToList();
            var connections = new[] { first, second }.Select(s => s.DatabaseConnectionString).ToList();

            Assert.NotSame(storages[0], storages[1]);
            Assert.NotSame(activators[0], activators[1]);
            Assert.NotEqual(connections[0], connections[1]);
            // The client each site enqueues with writes to that site's own storage.
            var client = first.Services.GetRequiredService<IBackgroundJobClient>();
            var id = client.Create(() => Console.WriteLine("isolation"), new Hangfire.States.ScheduledState(TimeSpan.FromDays(1)));
            using var own = storages[0].GetConnection();
            using var other = storages[1].GetConnection();
            Assert.NotNull(own.GetJobData(id));
            Assert.Null(other.GetJobData(id));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    [Fact]
    public async Task SitesFromTheTemplate_AreMigratedWithDemoData_AndApart()
    {
        var first = new TSite();
        var second = new TSite();
        await first.InitializeAsync();
        await second.InitializeAsync();
        try
        {
            var pending = await first.WithScopeAsync(async (_, db) => (await db.Database.GetPendingMigrationsAsync()).Count());
            var admin = await first.WithScopeAsync((_, db) => db.Users.CountAsync(u => u.Email == "admin@demo.local"));
            var person = await first.PersonAsync(Roles.Trainee);
            var inSecond = await second.WithScopeAsync((_, db) => db.Users.CountAsync(u => u.Id == person.Id));
            var signedIn = await SiteClient.SignedInAsync(second, "admin@demo.local");

            Assert.Equal(0, pending);
            Assert.Equal(1, admin);
            Assert.Equal(0, inSecond);
            Assert.Contains("Welcome, Astrid Holm", await signedIn.GetStringAsync("/"));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}

public sealed class SqliteTestIsolationTests : TestIsolationTests<SqliteSite>;

public sealed class PostgresTestIsolationTests : TestIsolationTests<PostgresSite>;
