namespace ChangeAgentAcademy.Curriculum.Data;

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

    /// <summary>Feedback guidance for the reviewer, rendered from <see cref="GuidanceMarkdown"/>.</summary>
    public string GuidanceHtml { get; set; } = "";

    /// <summary>The guidance as written: the file's body, or an author's edit in the browser.</summary>
    public string GuidanceMarkdown { get; set; } = "";

    public string Hash { get; set; } = "";
}
