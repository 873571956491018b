namespace ChangeAgentAcademy.Supervision.Services;

public enum SizeVerdict
{
    Ok,
    /// <summary>Below the minimum or above the usual maximum: saved, with a warning.</summary>
    Warning,
    /// <summary>Above the hard maximum or empty: refused.</summary>
    Refused,
}
