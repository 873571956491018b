using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record ModuleItem(string Id, int Order, IReadOnlyList<string> Tracks, IReadOnlyList<LessonItem> Items)
{
    public IEnumerable<LessonItem> Lessons => Items.Where(i => i.Kind == LessonKind.Lesson);
}
