using ChangeAgentAcademy.Workshops.Data;

namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record SessionRow(
    Guid Id, string Title, string Place, DateTime StartsUtc, DateTime EndsUtc, int Capacity, int Booked, int Waitlisted, WorkshopStatus Status,
    Guid? FacilitatorId, string? Facilitator, bool OnSite, BookingStatus? Mine, int? WaitlistPosition)
{
    public int PlacesLeft => Math.Max(0, Capacity - Booked);

    public bool IsFull => Booked >= Capacity;
}
