namespace ChangeAgentAcademy.Cohorts.Data;

public class Cohort
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Language { get; set; } = "en";

    public CohortTrack Track { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>One module every N weeks.</summary>
    public int CadenceWeeks { get; set; } = 2;

    public DayOfWeek CadenceDay { get; set; } = DayOfWeek.Tuesday;

    public TimeOnly ReleaseTime { get; set; } = new(8, 0);

    public string TimeZone { get; set; } = "Europe/Copenhagen";

    public int Capacity { get; set; } = 20;

    public CohortStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }
}
