using System.Globalization;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>A leader's teams as a table for CSV or xlsx: headings and one line per member, status and counts only (completion: rules met, rules, certificate yes/no). Every export is audited.</summary>
public sealed class TeamExport(DbContext db, TeamProgress progress, TimeProvider clock, IStringLocalizer<CohortsText> S)
{
    public string[] Headers() => [S["Team"], S["Name"], S["Cohort"], S["Membership"], S["LessonsDoneHeading"], S["LessonsTotalHeading"], S["AssignmentsSubmittedHeading"], S["AssignmentsAcceptedHeading"], S["AssignmentsOverdueHeading"], S["Status"], S["RulesMetHeading"], S["RulesHeading"], S["CertificateHeading"]];

    public async Task<List<string[]>> RowsAsync(Guid leaderId, CancellationToken ct = default)
    {
        db.AddAudit(clock.GetUtcNow().UtcDateTime, leaderId, "team.exported", leaderId.ToString());
        await db.SaveChangesAsync(ct);
        return (await progress.ForLeaderAsync(leaderId, ct))
            .SelectMany(team => team.Members.Select(m => new[]
            {
                team.Name, m.Name, m.Cohort ?? "", m.Membership is { } s ? S["MemberStatus." + s].Value : S["NotEnrolled"].Value,
                m.LessonsDone.ToString(CultureInfo.InvariantCulture), m.LessonsTotal.ToString(CultureInfo.InvariantCulture),
                (m.Assignments?.Submitted ?? 0).ToString(CultureInfo.InvariantCulture), (m.Assignments?.Accepted ?? 0).ToString(CultureInfo.InvariantCulture), (m.Assignments?.Overdue ?? 0).ToString(CultureInfo.InvariantCulture),
                m.Progress is { } p ? S["Progress." + p].Value : "",
                m.Completion?.Done.ToString(CultureInfo.InvariantCulture) ?? "", m.Completion?.Rules.ToString(CultureInfo.InvariantCulture) ?? "",
                m.Completion is { } c ? S[c.Certified ? "Yes" : "No"].Value : "",
            }))
            .ToList();
    }
}
