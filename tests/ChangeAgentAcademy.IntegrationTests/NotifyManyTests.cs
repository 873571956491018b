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

    [Fact]
    public async Task NotifyFromQuery_RowsWrittenInTheDatabase_TextByKey_UnknownTextSkipped_SecondRunNothing()
    {
        var people = new[] { await site.PersonAsync(Roles.Trainee), await site.PersonAsync(Roles.Trainee), await site.PersonAsync(Roles.Trainee) };
        var languages = new[] { "sv", "en", "da" };
        for (var i = 0; i < people.Length; i++)
        {
            var (id, language) = (people[i].Id, languages[i]);
            await site.WithScopeAsync(async (_, db) => await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, language)));
        }

        var ids = people.Select(p => p.Id).ToList();
        var prefix = "test:query:" + Guid.NewGuid().ToString("N")[..8] + ":";
        var longSubject = new string('S', 400);
        var texts = new Dictionary<string, NoticeText> { ["sv"] = new("Hej {braces}", "Brödtext «åäö»"), ["en"] = new(longSubject, "Body") };
        Task<int> NotifyAsync() => site.WithScopeAsync((sp, db) => sp.GetRequiredService<INotifier>().NotifyFromQueryAsync(
            db.Users.Where(u => ids.Contains(u.Id)).Select(u => new NoticeSource { Key = prefix + u.Language, PersonId = u.Id, TextKey = u.Language, Url = "/inbox/" + u.Language }),
            texts));

        Assert.Equal(2, await NotifyAsync());
        Assert.Equal(0, await NotifyAsync());

        var stored = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().Where(i => i.Key.StartsWith(prefix)).OrderBy(i => i.Key).ToListAsync());
        Assert.Equal([prefix + "en", prefix + "sv"], stored.Select(s => s.Key));
        var (english, swedish) = (stored[0], stored[1]);
        Assert.Equal(people[0].Id, swedish.UserId);
        Assert.Equal("Hej {braces}", swedish.Subject);
        Assert.Equal("Brödtext «åäö»", swedish.Body);
        Assert.Equal("/inbox/sv", swedish.Url);
        Assert.Equal(MailState.Pending, swedish.Mail);
        Assert.Equal(people[1].Id, english.UserId);
        Assert.Equal(300, english.Subject.Length); // clipped as NotifyAsync clips
        Assert.EndsWith("…", english.Subject);
        Assert.NotEqual(english.Id, swedish.Id);
        Assert.Equal(swedish.Key, await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.Id == swedish.Id && i.UserId == people[0].Id).Select(i => i.Key).SingleAsync()));
    }
}

// Sites without the job server: the notice mailer (every minute) marks pending notices mailed, so on a plain site the
// minute could turn between writing the notices and reading them back as pending.
public sealed class SqliteNotifyManyTests(ClockedSqliteSite site) : NotifyManyTests<ClockedSqliteSite>(site);

public sealed class PostgresNotifyManyTests(ClockedPostgresSite site) : NotifyManyTests<ClockedPostgresSite>(site);
