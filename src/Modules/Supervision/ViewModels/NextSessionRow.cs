namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record NextSessionRow(Guid GroupId, long SessionId, string Group, DateTime StartsUtc, string? Place, bool Supervising, bool Presenting);
