using System.Net;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Jobs;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>The in-app inbox: own notices only, read state, safe links, delivery settings and the mail step, on SQLite and PostgreSQL.</summary>
public abstract class InboxTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    /// <summary>Delivers one notice through <see cref="INotifier"/> and returns its inbox row's id.</summary>
    private Task<Guid> NotifyAsync(AppUser person, string subject, string? url = null, string body = "Something happened in the programme.") =>
        site.WithScopeAsync(async (sp, db) =>
        {
            var key = "test:" + Guid.NewGuid().ToString("N");
            await sp.GetRequiredService<INotifier>().NotifyAsync(new Notice(key, person.Id, subject, body, url));
            await db.SaveChangesAsync();
            return await db.Set<InboxItem>().Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        });

    private Task<InboxItem> ItemAsync(Guid id) =>
        site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().SingleAsync(i => i.Id == id));

    private static string Unique(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 9)];

    private static Task<HttpResponseMessage> PostAsync(SiteClient client, string action, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync("/inbox", action, fields ?? new Dictionary<string, string>());

    [Fact]
    public async Task Index_ShowsOnlyOwnNotices_NewestFirst_UnreadMarked()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var someoneElse = await site.PersonAsync(Roles.Trainee);
        var older = Unique("Older notice");
        var newer = Unique("Newer notice");
        var theirs = Unique("Their notice");
        await NotifyAsync(me, older, body: "First line\nsecond line");
        await NotifyAsync(me, newer, url: "/enrol");
        await NotifyAsync(someoneElse, theirs);
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var response = await client.GetAsync("/inbox");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(older, page);
        Assert.Contains(newer, page);
        Assert.DoesNotContain(theirs, page);
        Assert.True(page.IndexOf(newer, StringComparison.Ordinal) < page.IndexOf(older, StringComparison.Ordinal), "newest first");
        Assert.Matches(@"<p>First line\s*<br>\s*second line</p>", page);
        Assert.Contains("Unread: 2 of 2.", page);
        Assert.Contains(">Unread</span>", page);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("1e9")]
    public async Task Index_BadPageValue_ClampsInsteadOfFailing(string page)
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var response = await client.GetAsync("/inbox?page=" + page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Index_MoreThanOnePage_ThirtyAPage_PageClampedToLast_FewQueries()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (sp, _) =>
            await sp.GetRequiredService<INotifier>().NotifyManyAsync(
                Enumerable.Range(1, 31).Select(n => new Notice($"test:paged:{me.Id:N}:{n}", me.Id, $"Paged notice {n}", "Body")).ToList()));
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        site.Queries.Reset();
        var first = await client.GetStringAsync("/inbox");
        var queries = site.Queries.For("/inbox");
        var beyond = await client.GetStringAsync("/inbox?page=99");

        Assert.Equal(30, first.Split("<span class=\"visually-hidden\">: Paged notice ").Length - 1);
        Assert.Contains("Page 1 of 2", first);
        Assert.Equal(1, beyond.Split("<span class=\"visually-hidden\">: Paged notice ").Length - 1);
        Assert.Contains("Page 2 of 2", beyond);
        Assert.InRange(queries, 1, 4); // two counts and the page, plus the layout's unread badge
    }

    [Fact]
    public async Task Layout_SignedIn_ShowsUnreadCountBadge_GoneAfterReadAll()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        await NotifyAsync(me, Unique("One"));
        await NotifyAsync(me, Unique("Two"));
        await NotifyAsync(me, Unique("Three"));
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var before = await client.GetStringAsync("/");
        await PostAsync(client, "/inbox/read-all");
        var after = await client.GetStringAsync("/");
        var signedOut = await SiteClient.For(site).GetStringAsync("/account/signin");

        Assert.Contains("class=\"inbox-badge\" href=\"/inbox\"", before);
        Assert.Contains("<span class=\"inbox-count\" aria-hidden=\"true\">3</span><span class=\"visually-hidden\">3 unread</span>", before);
        Assert.Contains("class=\"inbox-badge\"", after);
        Assert.DoesNotContain("inbox-count", after);
        Assert.DoesNotContain("inbox-badge", signedOut);
    }

    [Fact]
    public async Task Read_OwnNotice_MarkedAndRedirectedToItsUrl_WithoutUrlBackToInbox()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var linkedSubject = Unique("Linked");
        var linked = await NotifyAsync(me, linkedSubject, url: "/enrol");
        var plain = await NotifyAsync(me, Unique("Plain"));
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var openLinked = await PostAsync(client, $"/inbox/{linked}/read");
        var openPlain = await PostAsync(client, $"/inbox/{plain}/read");
        var page = await client.GetStringAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, openLinked.StatusCode);
        Assert.Equal("/enrol", openLinked.Headers.Location?.OriginalString);
        Assert.Equal("/inbox", openPlain.Headers.Location?.OriginalString);
        Assert.NotNull((await ItemAsync(linked)).ReadUtc);
        Assert.NotNull((await ItemAsync(plain)).ReadUtc);
        Assert.Contains("Unread: 0 of 2.", page);
        Assert.Contains($"<a href=\"/enrol\">Open<span class=\"visually-hidden\">: {linkedSubject}</span></a>", page);
    }

    [Fact]
    public async Task Read_SomeoneElsesNotice_404AndNothingChanged()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var owner = await site.PersonAsync(Roles.Trainee);
        var theirs = await NotifyAsync(owner, Unique("Private"), url: "/enrol");
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var response = await PostAsync(client, $"/inbox/{theirs}/read");
        var unknown = await PostAsync(client, $"/inbox/{Guid.NewGuid()}/read");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await ItemAsync(theirs)).ReadUtc);
    }

    [Fact]
    public async Task ReadAll_MarksOwnUnreadOnly()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var other = await site.PersonAsync(Roles.Trainee);
        var mine = new[] { await NotifyAsync(me, Unique("A")), await NotifyAsync(me, Unique("B")) };
        var theirs = await NotifyAsync(other, Unique("C"));
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var response = await PostAsync(client, "/inbox/read-all");
        var page = await client.GetStringAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inbox", response.Headers.Location?.OriginalString);
        foreach (var id in mine)
        {
            Assert.NotNull((await ItemAsync(id)).ReadUtc);
        }

        Assert.Null((await ItemAsync(theirs)).ReadUtc);
        Assert.Contains("All notices are marked as read.", page);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example")]
    public async Task Read_NoticeWithOffSiteUrl_StaysOnSite(string url)
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var id = await NotifyAsync(me, Unique("Tricky"), url: url);
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var page = await client.GetStringAsync("/inbox");
        var response = await PostAsync(client, $"/inbox/{id}/read");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inbox", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain("evil.example", page);
        Assert.NotNull((await ItemAsync(id)).ReadUtc);
    }

    [Fact]
    public async Task Settings_SaveDailyDigestThenImmediate_UpsertsOneRow_BadValue400()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);

        var form = await client.GetStringAsync("/inbox/settings");
        var save = await client.PostFormAsync("/inbox/settings", "/inbox/settings", new() { ["mode"] = "DailyDigest" });
        var saved = await client.GetStringAsync("/inbox/settings");
        var digest = await site.WithScopeAsync((_, db) => db.Set<NotificationPreference>().AsNoTracking().SingleAsync(p => p.UserId == me.Id));
        var bad = await client.PostFormAsync("/inbox/settings", "/inbox/settings", new() { ["mode"] = "Weekly" });
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var numeric = await client.PostFormAsync("/inbox/settings", "/inbox/settings", new() { ["mode"] = "1" });
        var missing = await client.PostFormAsync("/inbox/settings", "/inbox/settings", new Dictionary<string, string>());
        await client.PostFormAsync("/inbox/settings", "/inbox/settings", new() { ["mode"] = "Immediate" });
        var rows = await site.WithScopeAsync((_, db) => db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == me.Id).ToListAsync());

        Assert.Contains("type=\"radio\" name=\"mode\" value=\"Immediate\" checked=\"checked\"", form);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Contains("type=\"radio\" name=\"mode\" value=\"DailyDigest\" checked=\"checked\"", saved);
        Assert.Contains("Your notice settings are saved.", saved);
        Assert.Equal(DeliveryMode.DailyDigest, digest.Mode);
        Assert.True(digest.ChangedUtc > DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose how you want your notices: at once or in a daily summary.", badPage);
        Assert.Contains("name=\"mode\" value=\"DailyDigest\" checked=\"checked\"", badPage);
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(DeliveryMode.Immediate, Assert.Single(rows).Mode);
    }

    [Fact]
    public async Task Inbox_SignedOut_SentToSignIn()
    {
        var response = await SiteClient.For(site).GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task NotifyMany_RepeatedKey_InsertedOnce_SecondRunInsertsNothing()
    {
        var me = await site.PersonAsync(Roles.Trainee);
        var key = $"test:many:{me.Id:N}";
        List<Notice> notices = [new(key, me.Id, "Once", "Body"), new(key, me.Id, "Once again", "Body"), new(key + ":other", me.Id, "Other", "Body")];

        var first = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<INotifier>().NotifyManyAsync(notices));
        var second = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<INotifier>().NotifyManyAsync(notices));
        var rows = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().CountAsync(i => i.Key == key));
        var all = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().CountAsync(i => i.UserId == me.Id));

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Equal(1, rows);
        Assert.Equal(2, all);
    }

    [Fact]
    public async Task OutboxDrain_ImmediatePersonGetsTheNoticeAsMail_DigestPersonGetsNoSingleMail()
    {
        var immediate = await site.PersonAsync(Roles.Trainee);
        var digest = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<NotificationPreference>().Add(new NotificationPreference { UserId = digest.Id, Mode = DeliveryMode.DailyDigest, ChangedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var forImmediate = Unique("Feedback is ready");
        var forDigest = Unique("Deadline moved");
        var immediateId = await NotifyAsync(immediate, forImmediate, url: "/enrol");
        var digestId = await NotifyAsync(digest, forDigest);

        await site.WithScopeAsync((sp, _) => sp.GetRequiredService<OutboxDrainJob>().RunAsync(CancellationToken.None));
        var mails = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == immediate.Email || m.To == digest.Email).ToListAsync());

        var mail = Assert.Single(mails, m => m.To == immediate.Email);
        Assert.Equal(forImmediate, mail.Subject);
        Assert.Contains("/enrol", mail.TextBody);
        Assert.Equal(MailState.Mailed, (await ItemAsync(immediateId)).Mail);
        Assert.DoesNotContain(mails, m => m.To == digest.Email && m.Subject == forDigest);
        Assert.NotEqual(MailState.Mailed, (await ItemAsync(digestId)).Mail);
    }
}

public sealed class SqliteInboxTests(SqliteSite site) : InboxTests<SqliteSite>(site);

public sealed class PostgresInboxTests(PostgresSite site) : InboxTests<PostgresSite>(site);
