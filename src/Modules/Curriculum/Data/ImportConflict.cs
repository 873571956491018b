namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>A changed content file met a lesson that was edited in the browser: an administrator chooses.</summary>
public class ImportConflict
{
    public long Id { get; set; }

    public string LessonKey { get; set; } = "";

    public string Language { get; set; } = "";

    public string File { get; set; } = "";

    public string IncomingHash { get; set; } = "";

    public string IncomingTitle { get; set; } = "";

    public int IncomingReadingMinutes { get; set; }

    public string? IncomingPrompt { get; set; }

    public string IncomingMarkdown { get; set; } = "";

    public DateTime DetectedUtc { get; set; }

    public ConflictResolution? Resolution { get; set; }

    public Guid? ResolvedBy { get; set; }

    public DateTime? ResolvedUtc { get; set; }
}
