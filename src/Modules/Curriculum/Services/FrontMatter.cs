namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>The YAML front matter of a content file (see content/README.md).</summary>
public sealed class FrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public int? Order { get; set; }

    public string? Kind { get; set; }

    public int? ReadingTime { get; set; }

    public List<string>? Tracks { get; set; }

    public string? Summary { get; set; }

    public string? Prompt { get; set; }

    public int? DueOffsetDays { get; set; }

    public string? PracticalType { get; set; }

    /// <summary>Kit documents: who may read them (trainee, trainer, leader, supervisor).</summary>
    public List<string>? Audience { get; set; }

    /// <summary>Completion criteria: the track they are for.</summary>
    public string? Track { get; set; }

    /// <summary>Rubrics: the assignment they are for (reflection, practical).</summary>
    public string? For { get; set; }

    public List<RubricCriterion>? Criteria { get; set; }

    public List<GlossaryTerm>? Terms { get; set; }
}
