namespace ChangeAgentAcademy.Workshops.Data;

public enum BookingStatus
{
    Booked,
    Waitlisted,
    Cancelled,
}
