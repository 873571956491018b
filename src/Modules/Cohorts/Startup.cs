using ChangeAgentAcademy.Cohorts.Data;
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
        new("/cohorts", "NavCohorts", typeof(CohortsText), 100, CohortPermissions.View),
        new("/team", "NavTeam", typeof(CohortsText), 110, CohortPermissions.ViewTeam),
        new("/enrol", "NavEnrol", typeof(CohortsText), 120, CohortPermissions.Request),
    ];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<CloseEndedCohortsJob>(CloseEndedCohortsJob.Id, "15 2 * * *")];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
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

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Cohort>(e =>
        {
            e.ToTable("cohorts_cohorts");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Language).HasMaxLength(8);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.Track).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(c => c.StartDate);
        });
        modelBuilder.Entity<CohortTrainer>(e =>
        {
            e.ToTable("cohorts_trainers");
            e.HasKey(x => new { x.CohortId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        modelBuilder.Entity<CohortMember>(e =>
        {
            e.ToTable("cohorts_members");
            e.HasKey(x => new { x.CohortId, x.UserId });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => new { x.CohortId, x.Status, x.EnrolledUtc });
        });
        modelBuilder.Entity<EnrolmentRequest>(e =>
        {
            e.ToTable("cohorts_requests");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasIndex(x => new { x.UserId, x.Status });
            e.HasIndex(x => new { x.CohortId, x.Status });
        });
    }
}
