namespace ChangeAgentAcademy.People.Services;

public sealed record ImportRow(int Line, string Name, string Email, RowAction Action, IReadOnlyList<string> Notes);
