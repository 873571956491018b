namespace ChangeAgentAcademy.Supervision.Data;

public class Attendance
{
    public long SessionId { get; set; }

    public Guid UserId { get; set; }

    public bool Present { get; set; }

    public DateTime RecordedUtc { get; set; }
}
