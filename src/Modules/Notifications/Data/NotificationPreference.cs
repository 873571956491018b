namespace ChangeAgentAcademy.Notifications.Data;

/// <summary>How a person wants their notices mailed (no row: immediately).</summary>
public class NotificationPreference
{
    public Guid UserId { get; set; }

    public DeliveryMode Mode { get; set; }

    public DateTime ChangedUtc { get; set; }
}
