using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record MyPlaceRow(Guid CohortId, string Cohort, MemberStatus Status, int? WaitlistPosition);
