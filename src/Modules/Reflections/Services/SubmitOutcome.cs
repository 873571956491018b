using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

public enum SubmitOutcome
{
    Submitted,
    AlreadySubmitted,
    Empty,
    TooLong,
    NotReleased,
    NotOpen,
    NeedsConfirmation,
    Conflict,
}
