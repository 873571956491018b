using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Services;

public sealed record EvaluationAggregate(long SessionId, DateTime SessionUtc, int Answers, double? Space, double? Frame, double? Usefulness, double? Safety, IReadOnlyList<string> Comments);
