namespace ChangeAgentAcademy.People.ViewModels;

public sealed record PeopleListViewModel(string? Query, int Page, int PageCount, int Total, IReadOnlyList<PersonRow> People);
