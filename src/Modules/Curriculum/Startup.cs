using ChangeAgentAcademy.Curriculum.Resources;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Curriculum;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Curriculum";

    public override IEnumerable<Permission> Permissions => CurriculumPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Learn", "NavLearn", typeof(CurriculumText), 10, CurriculumPermissions.Read),
        new("Kit", "NavKit", typeof(CurriculumText), 11, CurriculumPermissions.Read),
        new("CurriculumAdmin", "NavAuthoring", typeof(CurriculumText), 700, CurriculumPermissions.Edit) { Group = NavigationGroups.Administration },
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, CurriculumPrivacyProvider>();
        services.AddMemoryCache();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ImportReportHolder>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<CurriculumCatalog>();
        services.AddSingleton(_ => new GenerationWatch()); // the system's monotonic clock, never the programme's
        services.AddHostedService<GenerationRefresher>();
        services.AddScoped<LessonEditor>();
        services.AddScoped<RubricEditor>();
        services.AddScoped<AuthoringPages>();
        services.AddScoped<CompletedLessons>();
        services.AddScoped<LearnPages>();
        services.AddScoped<CompletionService>();
        services.AddScoped<IProgrammeOutline, ProgrammeOutline>();
        services.AddSingleton<ChangeAgentAcademy.Messaging.IMarkdownRenderer, SafeMarkdown>();
        services.AddTransient<IImportStep, CurriculumImportStep>();
        services.AddTransient<IImportStep, DemoProgressStep>();
        services.AddTransient<IStartupWarmUp, CatalogWarmUp>();
        services.AddSingleton(new DashboardPanel("LearnPanel", 5, CurriculumPermissions.Read));
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
