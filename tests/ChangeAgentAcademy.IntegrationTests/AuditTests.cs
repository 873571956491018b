using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Issue 15's audit: the events that were missing (sign-ins, refused sign-ins without the password, lock-outs,
/// sign-outs, password changes, role changes from what to what) and the page that reads the audit
/// (<c>/admin/audit</c>: filters, keyset paging, CSV without formula injection, 400 for a bad filter, 403 for
/// everyone but administrators and the data protection officer), on SQLite and PostgreSQL.
/// </summary>
public abstract partial class AuditTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private Task<List<AuditEntry>> EntriesAsync(Func<AuditEntry, bool> where) =>
        site.WithScopeAsync(async (_, db) => (await db.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Where(where).ToList());

    [Fact]
    public async Task SignIn_Failure_Lockout_SignOut_PasswordChange_AreAudited_WithoutThePassword()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var id = person.Id.ToString();

        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = SiteClient.TestPassword, ["Password"] = "Changed-passw0rd-2026", ["ConfirmPassword"] = "Changed-passw0rd-2026",
        });
        await client.PostFormAsync("/account/password", "/account/signout", new Dictionary<string, string>());
        var stranger = SiteClient.For(site);
        var unknownAddress = $"nobody-{Guid.NewGuid():N}@test.local";
        await stranger.SignInAsync(unknownAddress, "Secret-typed-9f3a");
        for (var i = 0; i < 5; i++)
        {
            await stranger.SignInAsync(person.Email!, "Secret-typed-9f3a-" + i);
        }

        var mine = await EntriesAsync(a => a.Subject == id);
        var unknown = await EntriesAsync(a => a.Action == "account.sign-in-failed" && (a.Details ?? "").Contains(unknownAddress));
        var all = await EntriesAsync(_ => true);

        Assert.Contains(mine, a => a.Action == "account.signed-in" && a.ActorId == person.Id);
        Assert.Contains(mine, a => a.Action == "account.password-changed" && a.ActorId == person.Id);
        Assert.Contains(mine, a => a.Action == "account.signed-out" && a.ActorId == person.Id);
        var failed = mine.Where(a => a.Action == "account.sign-in-failed").ToList();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, a => Assert.Contains(person.Email!, a.Details));
        Assert.Contains(failed, a => a.Details!.StartsWith("wrong-password, locked", StringComparison.Ordinal));
        Assert.Contains(mine, a => a.Action == "account.locked-out");
        var refused = Assert.Single(unknown);
        Assert.Equal("", refused.Subject);
        Assert.StartsWith("unknown-address", refused.Details);
        Assert.DoesNotContain(all, a => (a.Details ?? "").Contains("Secret-typed-9f3a") || a.Subject.Contains("Secret-typed-9f3a"));
        Assert.DoesNotContain(all, a => (a.Details ?? "").Contains("Changed-passw0rd-2026"));
    }

    [Fact]
    public async Task RoleChange_IsAudited_WhoChangedWhoseRolesFromWhatToWhat()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var admin = await site.PersonAsync(Roles.Administrator);
        var client = await SiteClient.SignedInAsync(site, admin.Email!, SiteClient.TestPassword);

        var saved = await client.PostFormAsync($"/admin/people/{person.Id}", $"/admin/people/{person.Id}", new List<KeyValuePair<string, string>>
        {
            new("DisplayName", person.DisplayName), new("Email", person.Email!), new("Language", "en"), new("Roles", Roles.Trainee), new("Roles", Roles.Leader),
        });
        var unchanged = await client.PostFormAsync($"/admin/people/{person.Id}", $"/admin/people/{person.Id}", new List<KeyValuePair<string, string>>
        {
            new("DisplayName", person.DisplayName + " B"), new("Email", person.Email!), new("Language", "en"), new("Roles", Roles.Trainee), new("Roles", Roles.Leader),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        var change = Assert.Single(await EntriesAsync(a => a.Action == "people.roles-changed" && a.Subject == person.Id.ToString()));
        Assert.Equal(admin.Id, change.ActorId);
        Assert.Equal("Trainee -> Leader,Trainee", change.Details);
    }
}

public sealed class SqliteAuditTests(SqliteSite site) : AuditTests<SqliteSite>(site);

public sealed class PostgresAuditTests(PostgresSite site) : AuditTests<PostgresSite>(site);
