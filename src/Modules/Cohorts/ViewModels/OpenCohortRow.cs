using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record OpenCohortRow(Guid Id, string Name, DateOnly StartDate, CohortTrack Track, string Language, int PlacesLeft, int Waitlisted);
