using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>The administrator's rules page: each track's saved rules, or the defaults.</summary>
public sealed class RulePages(DbContext db)
{
    public async Task<RulesViewModel> RulesAsync(RuleFormViewModel? typed = null, CancellationToken ct = default)
    {
        var saved = await db.Set<CompletionRule>().AsNoTracking().ToListAsync(ct);
        var forms = CompletionRules.Tracks.Select(track =>
        {
            if (typed is not null && typed.Track == track)
            {
                return typed;
            }

            var row = saved.FirstOrDefault(r => r.Track == track);
            var rules = row is null ? RuleSet.Default : new RuleSet(row.AllReflectionsAccepted, row.AllPracticalsHandedIn, row.MinSupervisionSessions, row.MinWorkshops, row.LessonsPercent);
            return new RuleFormViewModel
            {
                Track = track,
                AllReflectionsAccepted = rules.AllReflectionsAccepted,
                AllPracticalsHandedIn = rules.AllPracticalsHandedIn,
                MinSupervisionSessions = rules.MinSupervisionSessions,
                MinWorkshops = rules.MinWorkshops,
                LessonsPercent = rules.LessonsPercent,
                Saved = row is not null,
            };
        }).ToList();
        return new RulesViewModel(forms);
    }
}
