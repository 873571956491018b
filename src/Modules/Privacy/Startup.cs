using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Jobs;
using ChangeAgentAcademy.Privacy.Resources;
using ChangeAgentAcademy.Privacy.Services;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Privacy;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Privacy";

    // Ready exports are announced through INotifier.
    public override IEnumerable<string> Dependencies => ["Notifications"];

    public override IEnumerable<Permission> Permissions => PrivacyPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("AccountData", "NavMyData", typeof(PrivacyText), 900, PrivacyPermissions.OwnData),
        new("Privacy", "NavPrivacy", typeof(PrivacyText), 700, PrivacyPermissions.Officer) { Group = NavigationGroups.Administration },
    ];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
    [
        RecurringJobDefinition.For<PrepareExportsJob>(ExportService.JobId, "*/5 * * * *"),
        RecurringJobDefinition.For<RetentionJob>(RetentionService.JobId, "40 3 * * *"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddScoped<IPrivacyProvider, PrivacyDataProvider>();
        services.AddScoped<DeclarationTexts>();
        services.AddScoped<ExportBuilder>();
        services.AddScoped<ExportService>();
        services.AddScoped<ErasureService>();
        services.AddScoped<InactiveAccounts>();
        services.AddScoped<RetentionService>();
        services.AddScoped<RecordOfProcessing>();
        services.AddScoped<PrivacyPages>();
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
