namespace ChangeAgentAcademy.Workshops.ViewModels;

/// <summary>A trainer's answer to one pending request, kept when it comes back with errors.</summary>
public sealed class DecisionViewModel
{
    public Guid RequestId { get; set; }

    public string? Title { get; set; }

    public string? Place { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public int DurationMinutes { get; set; } = 180;

    public int? Capacity { get; set; }

    public string? Message { get; set; }
}
