namespace ChangeAgentAcademy.Supervision.Services;

public sealed record EvaluationAnswers(int Space, int Frame, int Usefulness, int Safety, string? Comment);
