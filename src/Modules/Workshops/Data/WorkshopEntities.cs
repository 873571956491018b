namespace ChangeAgentAcademy.Workshops.Data;

public enum WorkshopStatus
{
    Open,
    Cancelled,
    Held,
}

/// <summary>One future-workshop session (recurring every other Wednesday by default, or on site on request).</summary>
public class WorkshopSession
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Place { get; set; } = "";

    public DateTime StartsUtc { get; set; }

    public DateTime EndsUtc { get; set; }

    public int Capacity { get; set; } = 10;

    public Guid? FacilitatorId { get; set; }

    /// <summary>Set for an on-site workshop scheduled from a leader's request.</summary>
    public Guid? RequestId { get; set; }

    public WorkshopStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public enum BookingStatus
{
    Booked,
    Waitlisted,
    Cancelled,
}

public class Booking
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public BookingStatus Status { get; set; }

    /// <summary>The waiting list's order.</summary>
    public DateTime BookedUtc { get; set; }

    public DateTime ChangedUtc { get; set; }
}

public enum RequestStatus
{
    Pending,
    Scheduled,
    Declined,
}

/// <summary>A leader asks for an on-site workshop for 5-10 people in their unit; a trainer accepts and schedules it.</summary>
public class OnSiteRequest
{
    public Guid Id { get; set; }

    public Guid LeaderId { get; set; }

    public Guid TeamId { get; set; }

    public int Participants { get; set; }

    public string Wishes { get; set; } = "";

    public RequestStatus Status { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }
}

/// <summary>The facilitator's record of a held workshop in its three phases, with the vision questions.</summary>
public class WorkshopRecord
{
    public Guid SessionId { get; set; }

    public string Critique { get; set; } = "";

    /// <summary>When we have reached the goal, how do we work?</summary>
    public string VisionHowWeWork { get; set; } = "";

    /// <summary>Which value words guide us?</summary>
    public string VisionValues { get; set; } = "";

    /// <summary>How do residents see our service?</summary>
    public string VisionResidents { get; set; } = "";

    public Guid RecordedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>An idea from the implementation phase; one click turns it into a PDSA test for someone.</summary>
public class WorkshopIdea
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    public string Text { get; set; } = "";

    public string? PdsaUrl { get; set; }

    public Guid? PdsaBy { get; set; }

    public DateTime CreatedUtc { get; set; }
}
