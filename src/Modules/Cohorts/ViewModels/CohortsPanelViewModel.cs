using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CohortsPanelViewModel(IReadOnlyList<CohortRow> Running, CohortRow? Mine, IReadOnlyList<string> MyTrainers, int TeamMembers, bool IsLeader, bool SeesAll);
