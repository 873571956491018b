namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record ImportReport(int Created, int Unchanged, int Conflicts, IReadOnlyList<ContentIssue> Issues, DateTime AtUtc)
{
    public bool Changed => Created > 0 || Conflicts > 0;
}
