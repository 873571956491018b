using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary><paramref name="Error"/> is already localized; <paramref name="Forbidden"/> means a 403, <paramref name="Missing"/> a 404.</summary>
public sealed record WorkshopOutcome(string? Error = null, bool Forbidden = false, bool Missing = false, BookingStatus? Status = null, Guid? SessionId = null)
{
    public bool Ok => Error is null && !Forbidden && !Missing;
}
