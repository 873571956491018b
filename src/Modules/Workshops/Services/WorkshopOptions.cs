namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>Settings (section <c>Workshops</c>).</summary>
public sealed class WorkshopOptions
{
    public const string Section = "Workshops";

    /// <summary>A series has a session every this many weeks (every other week by default).</summary>
    public int EveryWeeks { get; set; } = 2;

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Wednesday;

    /// <summary>Local time in the programme's time zone.</summary>
    public TimeOnly StartTime { get; set; } = new(13, 0);

    public int DurationMinutes { get; set; } = 180;

    public int DefaultCapacity { get; set; } = 10;

    public int MinCapacity { get; set; } = 5;

    /// <summary>Public method guides use 10-30 participants.</summary>
    public int MaxCapacity { get; set; } = 30;

    /// <summary>An on-site workshop on a leader's request: this many people of their unit, at least and at most.</summary>
    public int OnSiteMinParticipants { get; set; } = 5;

    public int OnSiteMaxParticipants { get; set; } = 10;

    /// <summary>Longest series created in one go.</summary>
    public int MaxSeriesLength { get; set; } = 26;
}
