using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.Services;
using ChangeAgentAcademy.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.People;

public sealed class Startup : ModuleStartup
{
    public override string Id => "People";

    public override IEnumerable<Permission> Permissions => PeoplePermissions.All;

    public override IEnumerable<NavigationItem> Navigation =>
    [
        new("People", "NavPeople", typeof(PeopleText), 800, PeoplePermissions.Manage) { Group = NavigationGroups.Administration },
        new("Teams", "NavTeams", typeof(PeopleText), 810, PeoplePermissions.Manage) { Group = NavigationGroups.Administration },
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PeopleImport>();
        services.AddScoped<PeoplePages>();
        services.AddScoped<PeopleService>();
        services.AddScoped<TeamService>();
    }
}
