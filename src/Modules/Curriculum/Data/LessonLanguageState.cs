namespace ChangeAgentAcademy.Curriculum.Data;

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
