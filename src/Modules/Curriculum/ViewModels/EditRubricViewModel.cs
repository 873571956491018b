namespace ChangeAgentAcademy.Curriculum.ViewModels;

/// <summary>The rubric editor of one assignment in one language: the title, up to eight criteria (empty rows to add more) and the reviewers' guidance.</summary>
public sealed class EditRubricViewModel
{
    public string ModuleId { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Language { get; set; } = "";

    public string AssignmentTitle { get; set; } = "";

    public string? Title { get; set; }

    public List<RubricCriterionEditRow> Criteria { get; set; } = [];

    /// <summary>The feedback guidance for reviewers, in Markdown.</summary>
    public string? Guidance { get; set; }

    /// <summary>Criterion ids the other languages' rubrics of this assignment use (marks refer to ids, so they should agree).</summary>
    public IReadOnlyList<string> OtherLanguageIds { get; set; } = [];
}
