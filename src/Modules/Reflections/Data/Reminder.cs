namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>A reminder's unique effect: at most one per work and kind, whoever runs the dispatcher.</summary>
public class Reminder
{
    public long WorkId { get; set; }

    public ReminderKind Kind { get; set; }

    /// <summary>When the reminder was sent: its notice is written by the same statement.</summary>
    public DateTime CreatedUtc { get; set; }
}
