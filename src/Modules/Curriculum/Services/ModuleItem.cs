using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record ModuleItem(string Id, int Order, IReadOnlyList<string> Tracks, IReadOnlyList<LessonItem> Items)
{
    public IEnumerable<LessonItem> Lessons => Items.Where(i => i.Kind == LessonKind.Lesson);
}
