namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed class RecordViewModel
{
    public string? Critique { get; set; }

    public string? VisionHowWeWork { get; set; }

    public string? VisionValues { get; set; }

    public string? VisionResidents { get; set; }
}
