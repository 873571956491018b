namespace ChangeAgentAcademy.Privacy;

public enum ErasureAction
{
    /// <summary>The rows are deleted.</summary>
    Delete,

    /// <summary>The rows stay (they count in aggregates) with the person key and the person's text removed.</summary>
    Anonymise,
}
