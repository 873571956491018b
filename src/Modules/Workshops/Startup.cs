using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Workshops.Resources;
using ChangeAgentAcademy.Workshops.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Workshops;

public sealed class Startup : ModuleStartup
{
    public override string Id => "Workshops";

    // Notices go through INotifier; PDSA tests (IPracticalLogs) are optional: without Reflections the host's default answers null.
    public override IEnumerable<string> Dependencies => ["Notifications"];

    public override IEnumerable<Permission> Permissions => WorkshopPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
        [new("Workshops", "NavWorkshops", typeof(WorkshopsText), 130, WorkshopPermissions.View)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChangeAgentAcademy.Privacy.IPrivacyProvider, WorkshopsPrivacyProvider>();
        services.Configure<WorkshopOptions>(configuration.GetSection(WorkshopOptions.Section));
        services.AddScoped<WorkshopService>();
        services.AddScoped<WorkshopPages>();
        services.AddScoped<WorkshopRequestPages>();
        services.AddScoped<IPersonEvents, WorkshopEvents>();
        services.AddTransient<IImportStep, DemoWorkshopStep>();
        services.AddScoped<IWorkshopAttendance, WorkshopAttendance>();
        services.AddSingleton(new DashboardPanel("WorkshopsPanel", 4, WorkshopPermissions.View));
    }

    /// <summary>One <c>IEntityTypeConfiguration</c> per entity, in <c>Data/</c>.</summary>
    public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(Startup).Assembly);
}
