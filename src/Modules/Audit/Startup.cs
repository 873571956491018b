using ChangeAgentAcademy.Audit.Resources;
using ChangeAgentAcademy.Audit.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Audit;

/// <summary>The audit you can read: <c>/admin/audit</c> over the core's audit table (the module owns no table).</summary>
public sealed class Startup : ModuleStartup
{
    public override string Id => "Audit";

    public override IEnumerable<Permission> Permissions => AuditPermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("Audit", "NavAudit", typeof(AuditText), 830, AuditPermissions.View) { Group = NavigationGroups.Administration },
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditPages>();
    }
}
