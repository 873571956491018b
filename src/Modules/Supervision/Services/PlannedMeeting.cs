namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>One generated meeting: local date and time in the group's zone, and the UTC instants.</summary>
public sealed record PlannedMeeting(DateOnly LocalDate, DateTime LocalStart, DateTime StartsUtc, DateTime EndsUtc);
