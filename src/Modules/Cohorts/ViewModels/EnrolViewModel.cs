namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record EnrolViewModel(IReadOnlyList<OpenCohortRow> OpenCohorts, IReadOnlyList<MyPlaceRow> Places, IReadOnlyList<MyRequestRow> Requests);
