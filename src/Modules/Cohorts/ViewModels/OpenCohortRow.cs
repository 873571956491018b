using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record OpenCohortRow(Guid Id, string Name, DateOnly StartDate, CohortTrack Track, string Language, int PlacesLeft, int Waitlisted);
