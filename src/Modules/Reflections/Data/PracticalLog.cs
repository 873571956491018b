namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>
/// A structured practical log: a PDSA test, a shadowing day, a dilemma presentation or a workshop
/// co-facilitation. Its fields (by type) are JSON; handing it in makes a version of the matching
/// practical assignment, reviewed like a reflection.
/// </summary>
public class PracticalLog
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>pdsa, shadowing, dilemma or co-facilitation.</summary>
    public string Type { get; set; } = "";

    public string Title { get; set; } = "";

    public string FieldsJson { get; set; } = "{}";

    /// <summary>A PDSA test that follows on from an earlier one: the cycles link.</summary>
    public long? FollowsLogId { get; set; }

    /// <summary>The supervision session or workshop it belongs to (an <c>IPersonEvents</c> ref).</summary>
    public string? EventRef { get; set; }

    /// <summary>Where it came from, e.g. "workshop-idea:12".</summary>
    public string? Origin { get; set; }

    /// <summary>The practical assignment it was handed in as.</summary>
    public long? WorkId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
