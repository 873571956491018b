namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ConflictRow(long Id, string LessonKey, string Language, string File, string IncomingTitle, DateTime DetectedUtc);
