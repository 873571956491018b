using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>Demo mode: the next four sessions of the every-other-Wednesday series, facilitated by trainer1.</summary>
public sealed class DemoWorkshopStep(DbContext db, ProgrammeTime time, IOptions<WorkshopOptions> options, IOptions<ProgrammeOptions> programme) : IImportStep
{
    public static Guid SessionId(int k) => new($"5e7a1c2b-3d4e-4f50-8a9b-0000000000{k:D2}");

    public int Order => 50;

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        if (!context.DemoMode || await db.Set<WorkshopSession>().AnyAsync(s => s.Id == SessionId(1), cancellationToken))
        {
            return;
        }

        var trainer = await db.Set<AppUser>().Where(u => u.Email == "trainer1@demo.local").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (trainer is null)
        {
            return;
        }

        var o = options.Value;
        var slots = WorkshopRules.Series(time.Today.AddDays(1), 4, o.EveryWeeks, o.Weekday, o.StartTime, o.DurationMinutes, programme.Value.TimeZone);
        var now = time.UtcNow;
        for (var k = 0; k < slots.Count; k++)
        {
            db.Set<WorkshopSession>().Add(new WorkshopSession
            {
                Id = SessionId(k + 1), Title = "Future workshop", Place = "Town hall, room 2.14", StartsUtc = slots[k].StartsUtc, EndsUtc = slots[k].EndsUtc,
                Capacity = o.DefaultCapacity, FacilitatorId = trainer, Status = WorkshopStatus.Open, CreatedUtc = now,
            });
        }

        db.AddAudit(now, null, "workshops.demo-created", SessionId(1).ToString(), $"{slots.Count} sessions");
        await db.SaveChangesAsync(cancellationToken);
    }
}
