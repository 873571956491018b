using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record MyRequestRow(string Cohort, RequestStatus Status, string? Message);
