namespace ChangeAgentAcademy.Data;

/// <summary>A unit's team. Its leader enrols members and follows their progress.</summary>
public class Team
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid? LeaderId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
