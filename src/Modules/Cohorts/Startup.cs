using ChangeAgentAcademy.Cohorts.Jobs;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Cohorts;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Cohorts";

    public override IEnumerable<Permission> Permissions => CohortPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Cohorts", "NavCohorts", typeof(CohortsText), 100, CohortPermissions.View),
        new("Team", "NavTeam", typeof(CohortsText), 110, CohortPermissions.ViewTeam),
        new("Enrol", "NavEnrol", typeof(CohortsText), 120, CohortPermissions.Request),
    ];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<CloseEndedCohortsJob>(CloseEndedCohortsJob.Id, "15 2 * * *")];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, CohortsPrivacyProvider>();
        services.AddTransient<IImportStep, DemoCohortStep>();
        services.AddScoped<ICohortDirectory, CohortDirectory>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<CohortService>();
        services.AddScoped<CohortPages>();
        services.AddScoped<TeamExport>();
        services.AddScoped<TeamProgress>();
        services.AddSingleton(new DashboardPanel("CohortsPanel", 10));
        services.AddSingleton(new DashboardPanel("RequestsPanel", 0, CohortPermissions.ViewTeam));
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
