using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Jobs;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>A site that mails through a real SMTP server on loopback (no TLS), with a fake clock.</summary>
public sealed class SmtpSite : ClockedSqliteSite
{
    public SmtpSink Sink { get; } = new();

    public override Task InitializeAsync()
    {
        Sink.Start();
        return base.InitializeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        base.ExtraSettings().Concat([new("Mail:Smtp:Host", "127.0.0.1"), new("Mail:Smtp:Port", Sink.Port.ToString()), new("Mail:Smtp:Security", "None"), new("Mail:BatchSize", "500")]);

    public override async ValueTask DisposeAsync()
    {
        Sink.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Notices become real e-mail in the recipient's language; a failed send is retried and never lost.</summary>
public sealed class MailDeliveryTests(SmtpSite site) : IClassFixture<SmtpSite>
{
    private Task DrainAsync() => site.WithScopeAsync((sp, _) => sp.GetRequiredService<OutboxDrainJob>().RunAsync(CancellationToken.None));

    [Fact]
    public async Task ReleaseNotice_ArrivesAtTheSmtpServer_InTheTraineesLanguage_Once()
    {
        var cohort = await site.CohortAsync(1, language: "sv");
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        await DrainAsync();
        await DrainAsync();

        var mine = site.Sink.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == cohort.Trainees[0].Email)).ToList();

        Assert.Equal(2, mine.Count); // the module's reflection and practical assignment
        Assert.All(mine, m => Assert.StartsWith("Ny uppgift: ", m.Subject));
        Assert.Contains(mine, m => (m.TextBody ?? "").Contains("/reflections/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SmtpServerDown_SendIsRetriedWithBackoff_AndDeliveredWhenItIsBack()
    {
        var cohort = await site.CohortAsync(1);
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        site.Sink.Stop();
        await DrainAsync();
        var failed = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == cohort.Trainees[0].Email).ToListAsync());

        Assert.NotEmpty(failed);
        Assert.All(failed, m => Assert.Null(m.SentUtc));
        Assert.All(failed, m => Assert.Equal(1, m.Attempts));

        site.Sink.Start();
        await DrainAsync(); // still inside the backoff: not yet tried again
        Assert.DoesNotContain(site.Sink.Messages(), m => m.To.Mailboxes.Any(a => a.Address == cohort.Trainees[0].Email));

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        await DrainAsync();
        var sent = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == cohort.Trainees[0].Email).ToListAsync());

        Assert.All(sent, m => Assert.NotNull(m.SentUtc));
        Assert.Equal(sent.Count, site.Sink.Messages().Count(m => m.To.Mailboxes.Any(a => a.Address == cohort.Trainees[0].Email)));
    }
}
