namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>Single row of dispatcher state (the membership stamp last synchronised).</summary>
public class DispatcherState
{
    public int Id { get; set; }

    public string MembershipStamp { get; set; } = "";

    public DateTime? LastRunUtc { get; set; }
}
