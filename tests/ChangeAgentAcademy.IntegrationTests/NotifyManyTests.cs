using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Thousands of notices at once (a reminder run) take the inbox's shared-texts path: each distinct text
/// sent once and joined in the database. The rows must be the ones the typed path writes, on SQLite and PostgreSQL.
/// </summary>
public abstract class NotifyManyTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task NotifyMany_ThousandsSharingTexts_StoredAsEfReadsThem_RepeatedKeysSkipped()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var prefix = "test:many:" + Guid.NewGuid().ToString("N")[..8] + ":";
        var notices = Enumerable.Range(0, 2500)
            .Select(i => new Notice($"{prefix}{i}", person.Id, $"Subject {i % 7}", $"Body {i % 3} «åäö» \"quoted\"\nline", i % 2 == 0 ? null : $"/reflections/{i}"))
            .ToList();

        var first = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<INotifier>().NotifyManyAsync(notices.Take(1500).ToList()));
        var second = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<INotifier>().NotifyManyAsync(notices));

        Assert.Equal(1500, first);
        Assert.Equal(1000, second);
        var stored = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().Where(i => i.Key.StartsWith(prefix)).ToListAsync());
        Assert.Equal(2500, stored.Count);
        Assert.Equal(2500, stored.Select(s => s.Id).Distinct().Count());
        foreach (var item in stored)
        {
            var i = int.Parse(item.Key[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(person.Id, item.UserId);
            Assert.Equal($"Subject {i % 7}", item.Subject);
            Assert.Equal($"Body {i % 3} «åäö» \"quoted\"\nline", item.Body);
            Assert.Equal(i % 2 == 0 ? null : $"/reflections/{i}", item.Url);
            Assert.Equal(MailState.Pending, item.Mail);
            Assert.Null(item.ReadUtc);
        }

        // EF finds the rows by the ids and people the database stored (Guid text case on SQLite).
        var one = stored[17];
        Assert.Equal(one.Key, await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.Id == one.Id && i.UserId == person.Id).Select(i => i.Key).SingleAsync()));
        Assert.Equal(2500, await site.WithScopeAsync((_, db) => db.Set<InboxItem>().CountAsync(i => i.UserId == person.Id && i.Mail == MailState.Pending && i.Key.StartsWith(prefix))));
    }
}

public sealed class SqliteNotifyManyTests(SqliteSite site) : NotifyManyTests<SqliteSite>(site);

public sealed class PostgresNotifyManyTests(PostgresSite site) : NotifyManyTests<PostgresSite>(site);
