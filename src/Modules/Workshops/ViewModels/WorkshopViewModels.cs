using ChangeAgentAcademy.Workshops.Data;

namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record SessionRow(
    Guid Id, string Title, string Place, DateTime StartsUtc, DateTime EndsUtc, int Capacity, int Booked, int Waitlisted, WorkshopStatus Status,
    Guid? FacilitatorId, string? Facilitator, bool OnSite, BookingStatus? Mine, int? WaitlistPosition)
{
    public int PlacesLeft => Math.Max(0, Capacity - Booked);

    public bool IsFull => Booked >= Capacity;
}

public sealed record WorkshopsPage(
    IReadOnlyList<SessionRow> Upcoming, IReadOnlyList<SessionRow> Mine, IReadOnlyList<SessionRow> Facilitating, IReadOnlyList<SessionRow> Attended,
    bool CanBook, bool CanManage, bool CanRequest, DateTime NowUtc);

public sealed record ParticipantRow(Guid UserId, string Name, BookingStatus Status, DateTime BookedUtc);

public sealed record IdeaRow(long Id, string Text, string? PdsaUrl, bool PdsaIsMine);

public sealed class RecordForm
{
    public string? Critique { get; set; }

    public string? VisionHowWeWork { get; set; }

    public string? VisionValues { get; set; }

    public string? VisionResidents { get; set; }
}

public sealed class SessionDetails
{
    public required SessionRow Session { get; init; }

    public bool CanBook { get; init; }

    /// <summary>The session's facilitator or an administrator: participants, the record and the ideas.</summary>
    public bool CanRecord { get; init; }

    /// <summary>Holds a place (attended) or facilitates: sees the record and may turn ideas into PDSA tests.</summary>
    public bool CanUseIdeas { get; init; }

    public IReadOnlyList<ParticipantRow> Participants { get; init; } = [];

    public RecordForm Record { get; set; } = new();

    public bool HasRecord { get; init; }

    public IReadOnlyList<IdeaRow> Ideas { get; init; } = [];

    public string? NewIdea { get; set; }

    public DateTime NowUtc { get; init; }
}

public sealed record FacilitatorOption(Guid Id, string Name);

public sealed class SessionForm
{
    /// <summary>"series" or "single".</summary>
    public string Mode { get; set; } = "series";

    public string? Title { get; set; }

    public string? Place { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public int Count { get; set; } = 4;

    public int EveryWeeks { get; set; } = 2;

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Wednesday;

    public int DurationMinutes { get; set; } = 180;

    public int Capacity { get; set; } = 10;

    public Guid? FacilitatorId { get; set; }

    public IReadOnlyList<FacilitatorOption> Facilitators { get; set; } = [];
}

public sealed record TeamOption(Guid Id, string Name);

public sealed class RequestForm
{
    public Guid? TeamId { get; set; }

    public int? Participants { get; set; }

    public string? Wishes { get; set; }
}

public sealed record RequestRow(Guid Id, string Team, string Leader, int Participants, string Wishes, RequestStatus Status, DateTime CreatedUtc, Guid? SessionId, string? Message);

/// <summary>A trainer's answer to one pending request, kept when it comes back with errors.</summary>
public sealed class DecisionForm
{
    public Guid RequestId { get; set; }

    public string? Title { get; set; }

    public string? Place { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public int DurationMinutes { get; set; } = 180;

    public int? Capacity { get; set; }

    public string? Message { get; set; }
}

public sealed class RequestsPage
{
    public bool CanRequest { get; init; }

    public bool CanDecide { get; init; }

    public IReadOnlyList<TeamOption> Teams { get; init; } = [];

    public RequestForm Form { get; set; } = new();

    public IReadOnlyList<RequestRow> MyRequests { get; init; } = [];

    public IReadOnlyList<RequestRow> Pending { get; init; } = [];

    public IReadOnlyList<RequestRow> Decided { get; init; } = [];

    /// <summary>The answer being edited (its typed values come back on an error).</summary>
    public DecisionForm? Decision { get; set; }

    public int MinParticipants { get; init; }

    public int MaxParticipants { get; init; }
}
