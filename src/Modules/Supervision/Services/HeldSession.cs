namespace ChangeAgentAcademy.Supervision.Services;

public sealed record HeldSession(DateTime StartsUtc, IReadOnlyList<Turn> Turns);
