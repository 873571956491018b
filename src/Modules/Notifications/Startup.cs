using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
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
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, NotificationsPrivacyProvider>();
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddMemoryCache();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<NoticeMailer>();
        services.AddScoped<InboxService>();
        services.AddSingleton<IMailTransport, MailTransport>();
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<OutboxDrainJob>(OutboxDrainJob.Id, "* * * * *")];
}
