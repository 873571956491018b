using ChangeAgentAcademy.Curriculum.Data;
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
        new("/learn", "NavLearn", typeof(CurriculumText), 10, CurriculumPermissions.Read),
        new("/learn/kit", "NavKit", typeof(CurriculumText), 11, CurriculumPermissions.Read),
        new("/curriculum/admin", "NavAuthoring", typeof(CurriculumText), 700, CurriculumPermissions.Edit),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ImportReportHolder>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<CurriculumCatalog>();
        services.AddSingleton(_ => new GenerationWatch()); // the system's monotonic clock, never the programme's
        services.AddHostedService<GenerationRefresher>();
        services.AddScoped<LessonEditor>();
        services.AddScoped<AuthoringPages>();
        services.AddScoped<LearnPages>();
        services.AddScoped<CompletionService>();
        services.AddScoped<IProgrammeOutline, ProgrammeOutline>();
        services.AddSingleton<ChangeAgentAcademy.Messaging.IMarkdownRenderer, SafeMarkdown>();
        services.AddTransient<IImportStep, CurriculumImportStep>();
        services.AddTransient<IImportStep, DemoProgressStep>();
        services.AddSingleton(new DashboardPanel("LearnPanel", 5, CurriculumPermissions.Read));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProgrammeModule>(e =>
        {
            e.ToTable("curriculum_modules");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(100);
            e.Property(m => m.Tracks).HasMaxLength(100);
        });
        modelBuilder.Entity<ModuleText>(e =>
        {
            e.ToTable("curriculum_module_texts");
            e.HasKey(t => new { t.ModuleId, t.Language });
            e.Property(t => t.ModuleId).HasMaxLength(100);
            e.Property(t => t.Language).HasMaxLength(8);
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.Summary).HasMaxLength(1000);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.ObjectivesHash).HasMaxLength(64);
        });
        modelBuilder.Entity<Lesson>(e =>
        {
            e.ToTable("curriculum_lessons");
            e.HasKey(l => l.Key);
            e.Property(l => l.Key).HasMaxLength(201);
            e.Property(l => l.ModuleId).HasMaxLength(100);
            e.Property(l => l.Slug).HasMaxLength(100);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.PracticalType).HasMaxLength(32);
            e.HasIndex(l => l.ModuleId);
        });
        modelBuilder.Entity<LessonVersion>(e =>
        {
            e.ToTable("curriculum_lesson_versions");
            e.Property(v => v.LessonKey).HasMaxLength(201);
            e.Property(v => v.Language).HasMaxLength(8);
            e.Property(v => v.Title).HasMaxLength(200);
            e.Property(v => v.Prompt).HasMaxLength(4000);
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.Source).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(v => new { v.LessonKey, v.Language, v.Number }).IsUnique();
        });
        modelBuilder.Entity<LessonLanguageState>(e =>
        {
            e.ToTable("curriculum_lesson_states");
            e.HasKey(s => new { s.LessonKey, s.Language });
            e.Property(s => s.LessonKey).HasMaxLength(201);
            e.Property(s => s.Language).HasMaxLength(8);
            e.Property(s => s.ImportedHash).HasMaxLength(64);
            e.Property(s => s.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<ImportConflict>(e =>
        {
            e.ToTable("curriculum_import_conflicts");
            e.Property(c => c.LessonKey).HasMaxLength(201);
            e.Property(c => c.Language).HasMaxLength(8);
            e.Property(c => c.File).HasMaxLength(400);
            e.Property(c => c.IncomingHash).HasMaxLength(64);
            e.Property(c => c.IncomingTitle).HasMaxLength(200);
            e.Property(c => c.IncomingPrompt).HasMaxLength(4000);
            e.Property(c => c.Resolution).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(c => new { c.LessonKey, c.Language });
        });
        modelBuilder.Entity<LessonCompletion>(e =>
        {
            e.ToTable("curriculum_completions");
            e.HasKey(c => new { c.UserId, c.LessonKey });
            e.Property(c => c.LessonKey).HasMaxLength(201);
        });
        modelBuilder.Entity<KitDocument>(e =>
        {
            e.ToTable("curriculum_kit_documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(100);
            e.Property(d => d.Kind).HasMaxLength(32);
            e.Property(d => d.Audience).HasMaxLength(100);
            e.Property(d => d.Track).HasMaxLength(32);
        });
        modelBuilder.Entity<KitDocumentText>(e =>
        {
            e.ToTable("curriculum_kit_texts");
            e.HasKey(t => new { t.DocId, t.Language });
            e.Property(t => t.DocId).HasMaxLength(100);
            e.Property(t => t.Language).HasMaxLength(8);
            e.Property(t => t.Title).HasMaxLength(200);
            e.Property(t => t.Summary).HasMaxLength(1000);
            e.Property(t => t.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<AssignmentRubric>(e =>
        {
            e.ToTable("curriculum_rubrics");
            e.HasKey(r => new { r.LessonKey, r.Language });
            e.Property(r => r.LessonKey).HasMaxLength(201);
            e.Property(r => r.Language).HasMaxLength(8);
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.Hash).HasMaxLength(64);
        });
        modelBuilder.Entity<CurriculumGeneration>(e =>
        {
            e.ToTable("curriculum_generation");
            e.Property(g => g.Id).ValueGeneratedNever();
        });
    }
}
