namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>A lesson or an assignment (reflection, practical) in a module. Key: "{module}/{lesson}".</summary>
public class Lesson
{
    public string Key { get; set; } = "";

    public string ModuleId { get; set; } = "";

    public string Slug { get; set; } = "";

    public int Order { get; set; }

    public LessonKind Kind { get; set; }

    public string? PracticalType { get; set; }

    public int? DueOffsetDays { get; set; }
}
