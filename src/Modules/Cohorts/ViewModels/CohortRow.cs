using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CohortRow(Guid Id, string Name, DateOnly StartDate, CohortTrack Track, CohortStatus Status, int Members, int Capacity);
