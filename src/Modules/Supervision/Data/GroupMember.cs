namespace ChangeAgentAcademy.Supervision.Data;

public class GroupMember
{
    public Guid GroupId { get; set; }

    public Guid UserId { get; set; }

    public DateTime JoinedUtc { get; set; }

    /// <summary>Set when the member leaves (voluntary, no consequence for their progress).</summary>
    public DateTime? LeftUtc { get; set; }

    public int? AgreedContractVersion { get; set; }

    public DateTime? AgreedUtc { get; set; }
}
