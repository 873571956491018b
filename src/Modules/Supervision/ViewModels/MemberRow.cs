namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record MemberRow(Guid Id, string Name, bool AgreedCurrent, DateTime JoinedUtc);
