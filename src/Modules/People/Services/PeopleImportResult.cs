namespace ChangeAgentAcademy.People.Services;

public sealed record PeopleImportResult(string? FileError, IReadOnlyList<ImportRow> Rows)
{
    public bool CanApply => FileError is null && Rows.All(r => r.Action != RowAction.Error);

    public int Count(RowAction action) => Rows.Count(r => r.Action == action);
}
