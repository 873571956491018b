namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>A trainer's saved comment (their personal comment bank), inserted into feedback while reviewing.</summary>
public class SavedComment
{
    public long Id { get; set; }

    public Guid OwnerId { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
