namespace ChangeAgentAcademy.Modules;

/// <summary>A rubric: criteria whose <see cref="OutlineCriterion.Id"/> is the same in every language, each with three level descriptors.</summary>
public sealed record OutlineRubric(string Key, string Title, IReadOnlyList<OutlineCriterion> Criteria, string GuidanceHtml);
