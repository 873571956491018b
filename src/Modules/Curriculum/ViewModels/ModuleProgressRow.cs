namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ModuleProgressRow(string Id, string Title, string Summary, int Done, int Total, bool IsFallback)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}
