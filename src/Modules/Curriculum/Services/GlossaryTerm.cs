namespace ChangeAgentAcademy.Curriculum.Services;

public sealed class GlossaryTerm
{
    public string? Id { get; set; }

    public string? Term { get; set; }

    public string? Definition { get; set; }
}
