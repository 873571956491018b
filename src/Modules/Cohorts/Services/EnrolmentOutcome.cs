using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Services;

public sealed record EnrolmentOutcome(IReadOnlyList<string> Errors, int Enrolled, int Waitlisted)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>Refused because the person acting may not act for someone (not their team, their own request): a 403.</summary>
    public bool Forbidden { get; init; }

    public static EnrolmentOutcome Fail(params string[] errors) => new(errors, 0, 0);

    public static EnrolmentOutcome Refuse(string error) => new([error], 0, 0) { Forbidden = true };
}
