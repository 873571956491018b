using ChangeAgentAcademy.Workshops.Data;

namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record RequestRow(Guid Id, string Team, string Leader, int Participants, string Wishes, RequestStatus Status, DateTime CreatedUtc, Guid? SessionId, string? Message);
