using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Supervision.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>
/// Creates the Supervisor role (the host seeds only <c>Roles.All</c>) and, in demo mode, one group:
/// trainee1..6 with trainer2 as supervisor. Runs twice without changing anything.
/// </summary>
public sealed class SupervisionSetupStep(DbContext db, RoleManager<AppRole> roles, SupervisionService service, TimeProvider clock) : IImportStep
{
    public int Order => 40;

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        if (!await roles.RoleExistsAsync(SupervisionPermissions.SupervisorRole))
        {
            await roles.CreateAsync(new AppRole(SupervisionPermissions.SupervisorRole));
        }

        if (!context.DemoMode || await db.Set<SupervisionGroup>().AnyAsync(cancellationToken))
        {
            return;
        }

        var emails = Enumerable.Range(1, 6).Select(i => $"trainee{i}@demo.local").ToList();
        var members = await db.Set<AppUser>().Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync(cancellationToken);
        var supervisor = await db.Set<AppUser>().Where(u => u.Email == "trainer2@demo.local").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (members.Count != 6 || supervisor == Guid.Empty)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await service.CreateAsync(new NewGroup("Solgården supervision group", supervisor, members, today.AddDays(1), today.AddDays(1).DayOfWeek, new TimeOnly(13, 0), "Solgården, meeting room 2"), supervisor, cancellationToken);
    }
}
