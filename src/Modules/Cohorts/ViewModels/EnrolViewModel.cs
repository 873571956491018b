using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record EnrolViewModel(IReadOnlyList<OpenCohortRow> OpenCohorts, IReadOnlyList<MyPlaceRow> Places, IReadOnlyList<MyRequestRow> Requests);
