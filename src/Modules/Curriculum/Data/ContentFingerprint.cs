namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>
/// One row: the fingerprint of the content folder (every file's path and bytes, and the importer's build) that the
/// last import without issues read. A start whose folder has the same fingerprint skips the import: importing the
/// same files again changes nothing (edits made in the browser and resolved conflicts are already in the database).
/// Any other import clears it.
/// </summary>
public class ContentFingerprint
{
    public int Id { get; set; }

    public string Value { get; set; } = "";

    public DateTime ImportedUtc { get; set; }
}
