namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>One saved text of a lesson in one language. Published versions are never changed afterwards.</summary>
public class LessonVersion
{
    public long Id { get; set; }

    public string LessonKey { get; set; } = "";

    public string Language { get; set; } = "";

    public int Number { get; set; }

    public string Title { get; set; } = "";

    public int ReadingMinutes { get; set; }

    public string? Prompt { get; set; }

    public string Markdown { get; set; } = "";

    /// <summary>Sanitized HTML rendered when the version was saved: page views never parse Markdown.</summary>
    public string Html { get; set; } = "";

    public string? TocHtml { get; set; }

    public VersionStatus Status { get; set; }

    public VersionSource Source { get; set; }

    public DateTime CreatedUtc { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public Guid? PublishedBy { get; set; }
}
