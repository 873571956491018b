namespace ChangeAgentAcademy.People.Services;

public enum RowAction
{
    Create,
    Update,
    Unchanged,
    Error,
}
