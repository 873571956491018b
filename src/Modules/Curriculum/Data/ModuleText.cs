namespace ChangeAgentAcademy.Curriculum.Data;

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
