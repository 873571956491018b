using ChangeAgentAcademy.Modules;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>
/// What a contract answers when the module that owns it is switched off: nothing (no placement, no counts, no
/// modules, no logs). Registered with TryAdd after the modules, so a module's own answer always wins and no
/// caller looks a service up by hand.
/// </summary>
public static class AbsentModules
{
    public static IServiceCollection AddAbsentModuleDefaults(this IServiceCollection services)
    {
        services.TryAddScoped<ICohortDirectory, NoCohortDirectory>();
        services.TryAddScoped<IProgrammeOutline, NoProgrammeOutline>();
        services.TryAddScoped<IAssignmentProgress, NoAssignmentProgress>();
        services.TryAddScoped<IPracticalLogs, NoPracticalLogs>();
        services.TryAddScoped<ISupervisionAttendance, NoSupervisionAttendance>();
        services.TryAddScoped<IWorkshopAttendance, NoWorkshopAttendance>();
        services.TryAddScoped<IAssignmentOutcomes, NoAssignmentOutcomes>();
        services.TryAddScoped<ICompletionStatus, NoCompletionStatus>();
        return services;
    }
}
