using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

public sealed record SubmitResult(SubmitOutcome Outcome, int Version = 0, bool Late = false, IReadOnlyList<Finding>? Findings = null);
