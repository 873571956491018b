namespace ChangeAgentAcademy.Curriculum.Data;

public enum LessonKind
{
    Lesson,
    Reflection,
    Practical,
}

public enum VersionStatus
{
    Draft,
    Published,
    Superseded,
}

public enum VersionSource
{
    Import,
    Editor,
    Restore,
}

/// <summary>A programme module (M1 … M7, the leader track). Structure only; texts are per language.</summary>
public class ProgrammeModule
{
    public string Id { get; set; } = "";

    public int Order { get; set; }

    /// <summary>Comma-separated cohort tracks that include the module: trainee, leader.</summary>
    public string Tracks { get; set; } = "";
}

public class ModuleText
{
    public string ModuleId { get; set; } = "";

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string IntroHtml { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>The module's learning objectives and further reading (objectives.md), rendered.</summary>
    public string? ObjectivesHtml { get; set; }

    public string? ObjectivesHash { get; set; }
}

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

/// <summary>Per lesson and language: what is published, the edit revision, and what the last import brought.</summary>
public class LessonLanguageState
{
    public string LessonKey { get; set; } = "";

    public string Language { get; set; } = "";

    public long? PublishedVersionId { get; set; }

    /// <summary>Bumped by every save; an edit posted against an older revision is a conflict.</summary>
    public int Revision { get; set; }

    public string? ImportedHash { get; set; }

    /// <summary>A browser edit was published after the last import: a changed file must not overwrite it silently.</summary>
    public bool EditedSinceImport { get; set; }
}

public enum ConflictResolution
{
    KeptBrowserVersion,
    TookFileVersion,
}

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

public class LessonCompletion
{
    public Guid UserId { get; set; }

    public string LessonKey { get; set; } = "";

    public DateTime CompletedUtc { get; set; }
}

/// <summary>One row: a counter bumped by every import or publish. Page caches are keyed by it, so every node sees a change at once.</summary>
public class CurriculumGeneration
{
    public int Id { get; set; }

    public long Generation { get; set; }
}

/// <summary>
/// A document of the kit (content/{lang}/kit/{id}.md): a facilitator guide, worksheet, glossary,
/// competency map, reading or a track's completion criteria. <see cref="Audience"/> says who may read it.
/// </summary>
public class KitDocument
{
    public string Id { get; set; } = "";

    /// <summary>guide, worksheet, glossary, competency-map, reading, completion.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Comma-separated: trainee, trainer, leader, supervisor. Administrators read everything.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Completion criteria only: the track they are for (trainee, leader).</summary>
    public string? Track { get; set; }

    public int Order { get; set; }
}

public class KitDocumentText
{
    public string DocId { get; set; } = "";

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Html { get; set; } = "";

    public string? TocHtml { get; set; }

    public string Hash { get; set; } = "";
}

/// <summary>
/// The rubric of one assignment in one language (content/{lang}/{module}/rubric-{kind}.md).
/// <see cref="CriteriaJson"/> holds <see cref="Services.RubricCriterion"/>s: an id that is the same in
/// every language (so a review can mark a level per criterion), a name and exactly three level descriptors.
/// </summary>
public class AssignmentRubric
{
    public string LessonKey { get; set; } = "";

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string CriteriaJson { get; set; } = "[]";

    /// <summary>Feedback guidance for the reviewer, rendered from the file's body.</summary>
    public string GuidanceHtml { get; set; } = "";

    public string Hash { get; set; } = "";
}
