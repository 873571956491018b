using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

internal sealed class ProgrammeOutline(CurriculumCatalog catalog, AppDbContext db) : IProgrammeOutline
{
    public async Task<IReadOnlyList<OutlineModule>> ModulesAsync(string track, string language, CancellationToken cancellationToken = default)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        return snapshot.ForTrack(track)
            .Select(m => new OutlineModule(m.Id, snapshot.ModuleText(m.Id, language)?.Value.Title ?? m.Id, m.Lessons.Select(l => l.Key).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, int>> LessonsDoneAsync(IReadOnlyCollection<Guid> people, IReadOnlyCollection<string> lessonKeys, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0 || lessonKeys.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        return await db.Set<LessonCompletion>()
            .Where(c => people.Contains(c.UserId) && lessonKeys.Contains(c.LessonKey))
            .GroupBy(c => c.UserId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
