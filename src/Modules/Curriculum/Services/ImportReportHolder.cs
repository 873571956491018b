namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>Keeps the last report so administrators can read what the import refused.</summary>
public sealed class ImportReportHolder
{
    public ImportReport? Last { get; set; }
}
