using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record MyPlaceRow(Guid CohortId, string Cohort, MemberStatus Status, int? WaitlistPosition);
