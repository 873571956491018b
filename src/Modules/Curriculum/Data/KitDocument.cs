namespace ChangeAgentAcademy.Curriculum.Data;

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
