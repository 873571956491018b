using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
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
        new("/reflections", "NavReflections", typeof(ReflectionsText), 20, ReflectionPermissions.Write),
        new("/logs", "NavLogs", typeof(ReflectionsText), 25, ReflectionPermissions.Write),
        new("/review", "NavReview", typeof(ReflectionsText), 105, ReflectionPermissions.Review),
        // Everyone signed in has a calendar (their releases, due dates, sessions and workshops); it had no entry.
        new("/calendar", "CalendarTitle", typeof(ReflectionsText), 135),
    ];

    public override IEnumerable<RecurringJobDefinition> RecurringJobs =>
        [RecurringJobDefinition.For<DispatcherJob>(DispatcherJob.Id, "* * * * *")];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReflectionOptions>(configuration.GetSection(ReflectionOptions.Section));
        services.AddScoped<NoticeWriter>();
        services.AddScoped<AssignmentScheduler>();
        services.AddScoped<Dispatcher>();
        services.AddScoped<DispatcherJob>();
        services.AddScoped<WorkService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReflectionPages>();
        services.AddScoped<ReviewPages>();
        services.AddScoped<SchedulePages>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<LogPages>();
        services.AddScoped<LogHandInService>();
        services.AddScoped<StartPanelQueries>();
        services.AddScoped<IAssignmentProgress, AssignmentProgress>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<PracticalLogService>();
        services.AddScoped<IPracticalLogs>(sp => sp.GetRequiredService<PracticalLogService>());
        services.AddTransient<IImportStep, DemoReflectionStep>();
        services.AddSingleton(new DashboardPanel("MyWorkPanel", 1, ReflectionPermissions.Write));
        services.AddSingleton(new DashboardPanel("ReviewPanel", 1, ReflectionPermissions.Review));
        services.AddSingleton(new DashboardPanel("TeamWorkPanel", 2, ReflectionPermissions.Write));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduledAssignment>(e =>
        {
            e.ToTable("reflections_schedule");
            e.Property(x => x.LessonKey).HasMaxLength(200);
            e.Property(x => x.ModuleId).HasMaxLength(100);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.CohortId, x.LessonKey }).IsUnique();
            e.HasIndex(x => new { x.ReleasedUtc, x.ReleaseUtc });
        });
        modelBuilder.Entity<AssignmentWork>(e =>
        {
            e.ToTable("reflections_work");
            e.Property(x => x.LessonKey).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScheduledId, x.UserId }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.CohortId });
            e.HasIndex(x => new { x.Active, x.Status, x.DueUtc });
            e.HasIndex(x => new { x.CohortId, x.Status, x.LastSubmittedUtc });
        });
        modelBuilder.Entity<Submission>(e =>
        {
            e.ToTable("reflections_submissions");
            e.Property(x => x.SubmitToken).HasMaxLength(64);
            e.HasIndex(x => new { x.WorkId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.WorkId, x.SubmitToken }).IsUnique();
        });
        modelBuilder.Entity<Review>(e =>
        {
            e.ToTable("reflections_reviews");
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.WorkId);
        });
        modelBuilder.Entity<Reminder>(e =>
        {
            e.ToTable("reflections_reminders");
            e.HasKey(x => new { x.WorkId, x.Kind });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<TrainerDigest>(e =>
        {
            e.ToTable("reflections_digests");
            e.HasKey(x => new { x.TrainerId, x.Period });
        });
        modelBuilder.Entity<CalendarFeed>(e =>
        {
            e.ToTable("reflections_calendar_feeds");
            e.HasKey(x => x.UserId);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<PracticalLog>(e =>
        {
            e.ToTable("reflections_logs");
            e.Property(x => x.Type).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.FieldsJson).HasMaxLength(60_000);
            e.Property(x => x.EventRef).HasMaxLength(100);
            e.Property(x => x.Origin).HasMaxLength(100);
            e.HasIndex(x => new { x.UserId, x.Type });
            e.HasIndex(x => x.Origin);
        });
        modelBuilder.Entity<DispatcherState>(e =>
        {
            e.ToTable("reflections_dispatcher");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.MembershipStamp).HasMaxLength(200);
        });
    }
}
