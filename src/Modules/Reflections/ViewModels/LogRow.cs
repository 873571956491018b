namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record LogRow(long Id, string Type, string Title, DateTime UpdatedUtc, bool HandedIn, long? FollowsLogId);
