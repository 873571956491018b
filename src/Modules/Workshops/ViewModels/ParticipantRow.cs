using ChangeAgentAcademy.Workshops.Data;

namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record ParticipantRow(Guid UserId, string Name, BookingStatus Status, DateTime BookedUtc);
