using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Modules;

/// <summary>
/// A feature module's entry point, shaped like Orchard Core's Startup: the host discovers every
/// subclass, asks each enabled one for its services, endpoints, navigation, permissions and jobs.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Stable id used in configuration (<c>Modules:{Id}:Enabled</c>) and job ids.</summary>
    public abstract string Id { get; }

    /// <summary>A module the site cannot run without (e.g. e-mail for password resets).</summary>
    public virtual bool AlwaysEnabled => false;

    /// <summary>Ids of modules this one needs: switched off with any of them.</summary>
    public virtual IEnumerable<string> Dependencies => [];

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>
    /// Entities and their mapping. Applied for every known module, enabled or not, so the schema and
    /// the migrations do not depend on configuration; a switched-off module keeps its tables.
    /// </summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder) { }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    public virtual IEnumerable<Security.Permission> Permissions => [];

    public virtual IEnumerable<NavigationItem> Navigation => [];

    public virtual IEnumerable<RecurringJobDefinition> RecurringJobs => [];
}
