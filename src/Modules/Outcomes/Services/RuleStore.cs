using ChangeAgentAcademy.Outcomes.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>Reads the tracks' rules (one small query): saved ones, or <see cref="RuleSet.Default"/>.</summary>
public sealed class RuleStore(DbContext db)
{
    public async Task<IReadOnlyDictionary<string, RuleSet>> AllAsync(CancellationToken ct = default)
    {
        var saved = await db.Set<CompletionRule>().AsNoTracking().ToListAsync(ct);
        return CompletionRules.Tracks.ToDictionary(t => t, t => saved.FirstOrDefault(r => r.Track == t) is { } r
            ? new RuleSet(r.AllReflectionsAccepted, r.AllPracticalsHandedIn, r.MinSupervisionSessions, r.MinWorkshops, r.LessonsPercent)
            : RuleSet.Default);
    }
}
