namespace ChangeAgentAcademy.Workshops.Data;

public class Booking
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>The waiting list's order.</summary>
    public DateTime BookedUtc { get; set; }

    public DateTime ChangedUtc { get; set; }
}
