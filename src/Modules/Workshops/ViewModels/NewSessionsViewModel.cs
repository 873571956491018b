namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed class NewSessionsViewModel
{
    /// <summary>"series" or "single".</summary>
    public string Mode { get; set; } = "series";

    public string? Title { get; set; }

    public string? Place { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public int Count { get; set; } = 4;

    public int EveryWeeks { get; set; } = 2;

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Wednesday;

    public int DurationMinutes { get; set; } = 180;

    public int Capacity { get; set; } = 10;

    public Guid? FacilitatorId { get; set; }

    public IReadOnlyList<FacilitatorOption> Facilitators { get; set; } = [];
}
