using System.Globalization;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>
/// Group membership and contract agreement, attendance, presenting turns, evaluations and session notes. Erasure
/// replaces the person by one new, unlinked id in all of them at once, so attendance numbers and the presenter
/// rotation's fairness (turns per member) stay right; it empties their evaluation comments and the notes they
/// wrote. An open supervision contract holds the erasure: a member of a running group who agreed to its contract,
/// or the supervisor of a running group, is kept until the group ends or they leave it.
/// </summary>
public sealed class SupervisionPrivacyProvider(DbContext db, IStringLocalizer<SupervisionText> S) : IPrivacyProvider
{
    public string Module => "Supervision";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(SupervisionGroup), [nameof(SupervisionGroup.SupervisorId), nameof(SupervisionGroup.CreatedBy), nameof(SupervisionGroup.Contract)], "PrivacyPurposeGroups", "PrivacyReadersGroup", null, ErasureAction.Anonymise),
        new(typeof(GroupMember), [nameof(GroupMember.UserId)], "PrivacyPurposeGroups", "PrivacyReadersGroup", null, ErasureAction.Anonymise),
        new(typeof(Attendance), [nameof(Attendance.UserId)], "PrivacyPurposeAttendance", "PrivacyReadersGroup", null, ErasureAction.Anonymise),
        new(typeof(SessionPresenter), [nameof(SessionPresenter.UserId)], "PrivacyPurposeRotation", "PrivacyReadersGroup", null, ErasureAction.Anonymise),
        new(typeof(Evaluation), [nameof(Evaluation.UserId), nameof(Evaluation.Comment)], "PrivacyPurposeEvaluation", "PrivacyReadersSupervisor", null, ErasureAction.Anonymise),
        new(typeof(SupervisionSession), [nameof(SupervisionSession.NotesBy), nameof(SupervisionSession.NotesMarkdown), nameof(SupervisionSession.NotesHtml)], "PrivacyPurposeNotes", "PrivacyReadersGroup", null, ErasureAction.Anonymise),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var memberships = await (from m in db.Set<GroupMember>().AsNoTracking()
                                 join g in db.Set<SupervisionGroup>() on m.GroupId equals g.Id
                                 where m.UserId == personId
                                 select new { Group = g.Name, m.JoinedUtc, m.LeftUtc, m.AgreedContractVersion, m.AgreedUtc }).ToListAsync(cancellationToken);
        var supervises = await db.Set<SupervisionGroup>().AsNoTracking().Where(g => g.SupervisorId == personId)
            .Select(g => new { g.Name, g.StartDate, g.EndDate, g.Contract, Status = g.Status.ToString() }).ToListAsync(cancellationToken);
        var attendance = await (from a in db.Set<Attendance>().AsNoTracking()
                                join s in db.Set<SupervisionSession>() on a.SessionId equals s.Id
                                where a.UserId == personId
                                orderby s.StartsUtc
                                select new { s.StartsUtc, a.Present }).ToListAsync(cancellationToken);
        var turns = await (from p in db.Set<SessionPresenter>().AsNoTracking()
                           join s in db.Set<SupervisionSession>() on p.SessionId equals s.Id
                           where p.UserId == personId
                           orderby s.StartsUtc
                           select new { s.StartsUtc, p.Swapped, p.Presented }).ToListAsync(cancellationToken);
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Where(e => e.UserId == personId).OrderBy(e => e.CreatedUtc)
            .Select(e => new { e.Space, e.Frame, e.Usefulness, e.Safety, e.Comment, e.CreatedUtc }).ToListAsync(cancellationToken);
        var notes = await db.Set<SupervisionSession>().AsNoTracking().Where(s => s.NotesBy == personId).OrderBy(s => s.StartsUtc)
            .Select(s => new { s.StartsUtc, s.NotesMarkdown, s.NotesUtc }).ToListAsync(cancellationToken);
        var c = CultureInfo.CurrentCulture;
        var summary = new List<PrivacySummaryLine>
        {
            new(S["PrivacyGroups"], memberships.Count + supervises.Count == 0 ? S["PrivacyNone"] : string.Join(", ", memberships.Select(m => m.Group).Concat(supervises.Select(g => g.Name)))),
            new(S["PrivacyAttendance"], S["PrivacyAttendanceText", attendance.Count(a => a.Present).ToString(c), attendance.Count.ToString(c)]),
            new(S["PrivacyEvaluations"], evaluations.Count.ToString(c)),
            new(S["PrivacyNotes"], notes.Count.ToString(c)),
        };
        return new PrivacyExportPart(Module, new { Groups = memberships, Supervises = supervises, Attendance = attendance, PresentingTurns = turns, Evaluations = evaluations, Notes = notes }, summary);
    }

    public async Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var member = await (from m in db.Set<GroupMember>()
                            join g in db.Set<SupervisionGroup>() on m.GroupId equals g.Id
                            where m.UserId == personId && m.LeftUtc == null && m.AgreedContractVersion != null && g.Status == GroupStatus.Active
                            select g.Name).ToListAsync(cancellationToken);
        var supervisor = await db.Set<SupervisionGroup>().Where(g => g.SupervisorId == personId && g.Status == GroupStatus.Active).Select(g => g.Name).ToListAsync(cancellationToken);
        return member.Select(name => new ErasureHold(Module, S["PrivacyHoldContract", name]) { ToPerson = S["PrivacyHoldContractOwn", name] })
            .Concat(supervisor.Select(name => new ErasureHold(Module, S["PrivacyHoldSupervisor", name]) { ToPerson = S["PrivacyHoldSupervisorOwn", name] }))
            .ToList();
    }

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var ghost = Guid.NewGuid();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<GroupMember>().Where(m => m.UserId == personId).ExecuteUpdateAsync(u => u.SetProperty(m => m.UserId, ghost), cancellationToken);
        await db.Set<Attendance>().Where(a => a.UserId == personId).ExecuteUpdateAsync(u => u.SetProperty(a => a.UserId, ghost), cancellationToken);
        await db.Set<SessionPresenter>().Where(p => p.UserId == personId).ExecuteUpdateAsync(u => u.SetProperty(p => p.UserId, ghost), cancellationToken);
        await db.Set<Evaluation>().Where(e => e.UserId == personId).ExecuteUpdateAsync(u => u.SetProperty(e => e.UserId, ghost).SetProperty(e => e.Comment, (string?)null), cancellationToken);
        await db.Set<SupervisionGroup>().Where(g => g.SupervisorId == personId).ExecuteUpdateAsync(u => u.SetProperty(g => g.SupervisorId, ghost), cancellationToken);
        await db.Set<SupervisionGroup>().Where(g => g.CreatedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(g => g.CreatedBy, (Guid?)null), cancellationToken);
        await db.Set<SupervisionSession>().Where(s => s.NotesBy == personId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NotesBy, (Guid?)null).SetProperty(s => s.NotesMarkdown, (string?)null).SetProperty(s => s.NotesHtml, (string?)null), cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
