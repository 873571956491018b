namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record PendingRequestRow(Guid Id, string Person, string Cohort, DateTime RequestedUtc);
