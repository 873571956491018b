using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Jobs;
using ChangeAgentAcademy.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Notifications;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Notifications";

    public override bool AlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddMemoryCache();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<NoticeMailer>();
        services.AddScoped<InboxService>();
        services.AddSingleton<IMailTransport, MailTransport>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxItem>(e =>
        {
            e.ToTable("notifications_inbox");
            e.Property(i => i.Key).HasMaxLength(200);
            e.HasIndex(i => i.Key).IsUnique();
            e.Property(i => i.Subject).HasMaxLength(Notifier.SubjectLength);
            e.Property(i => i.Body).HasMaxLength(Notifier.BodyLength);
            e.Property(i => i.Url).HasMaxLength(300);
            e.Property(i => i.Mail).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(i => new { i.UserId, i.ReadUtc, i.CreatedUtc });
            e.HasIndex(i => new { i.Mail, i.CreatedUtc });
        });
        modelBuilder.Entity<NotificationPreference>(e =>
        {
            e.ToTable("notifications_preferences");
            e.HasKey(p => p.UserId);
            e.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("notifications_outbox");
            e.Property(m => m.Key).HasMaxLength(200);
            e.HasIndex(m => m.Key).IsUnique();
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.LastError).HasMaxLength(500);
            e.HasIndex(m => new { m.SentUtc, m.NextAttemptUtc });
            e.HasIndex(m => m.ClaimToken);
        });
    }

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<OutboxDrainJob>(OutboxDrainJob.Id, "* * * * *")];
}
