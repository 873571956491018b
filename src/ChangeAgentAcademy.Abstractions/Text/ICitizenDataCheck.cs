namespace ChangeAgentAcademy.Text;

/// <summary>
/// Finds details in free text a person wrote that could identify a citizen (personal identity numbers, phone numbers,
/// e-mail and street addresses, names): every module that stores such text asks before saving and warns the writer,
/// keeping what they typed. Implemented once, by the host. A safety net with measured precision and recall
/// (the host's README), not a guarantee.
/// </summary>
public interface ICitizenDataCheck
{
    /// <summary>Findings ordered by start, never overlapping; empty for null or empty text.</summary>
    IReadOnlyList<CitizenDataFinding> Scan(string? text);
}
