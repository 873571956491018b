using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

public enum ReviewOutcome
{
    Saved,
    Stale,
    NotWaiting,
    ReasonMissing,
    FeedbackTooLong,
}
