namespace ChangeAgentAcademy.Supervision.Services;

public sealed record EvaluationAggregate(long SessionId, DateTime SessionUtc, int Answers, double? Space, double? Frame, double? Usefulness, double? Safety, IReadOnlyList<string> Comments);
