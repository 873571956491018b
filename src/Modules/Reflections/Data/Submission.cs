namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>A submitted version: immutable once written.</summary>
public class Submission
{
    public long Id { get; set; }

    public long WorkId { get; set; }

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public DateTime SubmittedUtc { get; set; }

    public bool Late { get; set; }

    /// <summary>How many possible citizen details the check found, and that the trainee chose to submit anyway.</summary>
    public int Findings { get; set; }

    public bool SubmittedDespiteWarning { get; set; }

    /// <summary>The form's one-time token: a double-clicked submit writes one version.</summary>
    public string SubmitToken { get; set; } = "";
}
