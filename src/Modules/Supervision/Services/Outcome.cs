using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Services;

public sealed record Outcome(bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public static Outcome Success(params string[] warnings) => new(true, [], warnings);

    public static Outcome Fail(params string[] errors) => new(false, errors, []);
}
