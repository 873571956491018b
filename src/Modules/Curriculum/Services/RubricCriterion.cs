namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>One row of a rubric: a stable id (the same in every language), a name and three level descriptors.</summary>
public sealed class RubricCriterion
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string>? Levels { get; set; }
}
