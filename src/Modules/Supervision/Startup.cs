using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Jobs;
using ChangeAgentAcademy.Supervision.Resources;
using ChangeAgentAcademy.Supervision.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Supervision;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Supervision";

    public override IEnumerable<Permission> Permissions => SupervisionPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
        [new("Supervision", "NavSupervision", typeof(SupervisionText), 60, SupervisionPermissions.View)];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<RemindPresentersJob>(RemindPresentersJob.Id, "*/15 * * * *")];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, SupervisionPrivacyProvider>();
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.Section));
        services.AddScoped<SupervisionNotices>();
        services.AddScoped<SupervisionService>();
        services.AddScoped<SupervisionPages>();
        services.AddScoped<SupervisionPanelQueries>();
        services.AddScoped<RemindPresentersJob>();
        services.AddScoped<IPersonEvents, SupervisionEvents>();
        services.AddTransient<IImportStep, SupervisionSetupStep>();
        services.AddScoped<ISupervisionAttendance, SupervisionAttendance>();
        services.AddSingleton(new DashboardPanel("SupervisionPanel", 3, SupervisionPermissions.View));
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
