using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Reflections.Jobs;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Reflections;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Reflections";

    public override IEnumerable<string> Dependencies => ["Cohorts", "Curriculum"];

    public override IEnumerable<Permission> Permissions => ReflectionPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Reflections", "NavReflections", typeof(ReflectionsText), 20, ReflectionPermissions.Write),
        new("Logs", "NavLogs", typeof(ReflectionsText), 25, ReflectionPermissions.Write),
        new("Review", "NavReview", typeof(ReflectionsText), 105, ReflectionPermissions.Review),
        // Everyone signed in has a calendar (their releases, due dates, sessions and workshops); it had no entry.
        new("Calendar", "CalendarTitle", typeof(ReflectionsText), 135),
    ];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
    [
        RecurringJobDefinition.For<DispatcherJob>(DispatcherJob.Id, "* * * * *"),
        RecurringJobDefinition.For<ReviewReminderJob>(ReviewReminderJob.Id, "17 * * * *"),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, ReflectionsPrivacyProvider>();
        services.Configure<ReflectionOptions>(configuration.GetSection(ReflectionOptions.Section));
        services.AddScoped<NoticeWriter>();
        services.AddScoped<AssignmentScheduler>();
        services.AddScoped<Dispatcher>();
        services.AddScoped<DispatcherJob>();
        services.AddScoped<WorkService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReflectionPages>();
        services.AddScoped<ReviewPages>();
        // Review with rubrics (#17): the comment bank, the waiting-review reminder and the review tables' privacy provider.
        services.AddScoped<CommentBankPages>();
        services.AddScoped<CommentBankService>();
        services.AddScoped<ReviewReminderService>();
        services.AddScoped<ReviewReminderJob>();
        services.AddScoped<IPrivacyProvider, ReviewPrivacyProvider>();
        services.AddScoped<SchedulePages>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<LogPages>();
        services.AddScoped<LogHandInService>();
        services.AddScoped<StartPanelQueries>();
        services.AddScoped<IAssignmentProgress, AssignmentProgress>();
        services.AddScoped<IAssignmentOutcomes, AssignmentOutcomes>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<PracticalLogService>();
        services.AddScoped<IPracticalLogs>(sp => sp.GetRequiredService<PracticalLogService>());
        services.AddTransient<IImportStep, DemoReflectionStep>();
        services.AddSingleton(new DashboardPanel("MyWorkPanel", 1, ReflectionPermissions.Write));
        services.AddSingleton(new DashboardPanel("ReviewPanel", 1, ReflectionPermissions.Review));
        services.AddSingleton(new DashboardPanel("TeamWorkPanel", 2, ReflectionPermissions.Write));
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
