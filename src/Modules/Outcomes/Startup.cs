using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Jobs;
using ChangeAgentAcademy.Outcomes.Privacy;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Outcomes;

/// <summary>
/// Completion rules per track, people's progress against them, certificates (issued by a job, verified in public),
/// and the programme owner's numbers. Everything it knows of other modules' data comes through contracts in
/// Abstractions (lessons read, assignment outcomes, supervision attendance, workshop places, cohorts).
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override string Id => "Outcomes";

    public override IEnumerable<string> Dependencies => ["Cohorts", "Curriculum"];

    public override IEnumerable<Permission> Permissions => OutcomesPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Programme", "NavProgramme", typeof(OutcomesText), 690, OutcomesPermissions.ViewProgramme),
        new("Certificates", "NavCertificates", typeof(OutcomesText), 700, OutcomesPermissions.ManageCertificates) { Group = NavigationGroups.Administration },
        new("Rules", "NavRules", typeof(OutcomesText), 710, OutcomesPermissions.ManageRules) { Group = NavigationGroups.Administration },
    ];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [
            RecurringJobDefinition.For<IssueCertificatesJob>(IssueCertificatesJob.Id, IssueCertificatesJob.Cron),
            RecurringJobDefinition.For<RefreshProgrammeJob>(RefreshProgrammeJob.Id, "*/5 * * * *"),
        ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RuleStore>();
        services.AddScoped<CompletionFacts>();
        services.AddScoped<RulePages>();
        services.AddScoped<RuleService>();
        services.AddScoped<ProgressQueries>();
        services.AddScoped<CertificatePages>();
        services.AddScoped<ICompletionStatus, CompletionStatusQueries>();
        services.AddScoped<ProgrammePages>();
        services.AddSingleton<ProgrammeCsv>();
        services.AddScoped<CertificateService>();
        services.AddScoped<IssueCertificatesJob>();
        services.AddScoped<RefreshProgrammeJob>();
        services.AddSingleton<ProgrammeSnapshotCache>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<IPrivacyProvider, OutcomesPrivacyProvider>();
        services.AddSingleton(new DashboardPanel("CompletionPanel", 2, OutcomesPermissions.Progress));
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
