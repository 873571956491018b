namespace ChangeAgentAcademy.Time;

/// <summary>One module's release: the local date and time in the cohort's zone, and the instant in UTC.</summary>
public sealed record ModuleRelease(int Module, DateOnly LocalDate, DateTime LocalTime, DateTime Utc);
