namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record TeamRow(Guid Id, string Name, IReadOnlyList<TeamMemberRow> Members);
