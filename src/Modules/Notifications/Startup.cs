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
        services.AddSingleton<IMailTransport, MailTransport>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) =>
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

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<OutboxDrainJob>(OutboxDrainJob.Id, "* * * * *")];
}
