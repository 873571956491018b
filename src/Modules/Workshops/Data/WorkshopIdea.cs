namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>An idea from the implementation phase; one click turns it into a PDSA test for someone.</summary>
public class WorkshopIdea
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    public string Text { get; set; } = "";

    public string? PdsaUrl { get; set; }

    public Guid? PdsaBy { get; set; }

    public DateTime CreatedUtc { get; set; }
}
