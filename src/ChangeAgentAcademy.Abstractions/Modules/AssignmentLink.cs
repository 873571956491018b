namespace ChangeAgentAcademy.Modules;

/// <summary><paramref name="Status"/> is a stable word: open, submitted, revision, accepted, overdue.</summary>
public sealed record AssignmentLink(string LessonKey, string Url, string Status, DateTime DueUtc);
