namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record RubricView(string LessonKey, string Language, string Title, IReadOnlyList<RubricRow> Criteria, string GuidanceHtml);
