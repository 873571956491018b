using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Services;

public sealed class SupervisionService(
    DbContext db, IPermissionService permissions, IOptions<SupervisionOptions> options, TimeProvider clock, INotifier notifier, SupervisionNotices notices, IStringLocalizer<ChangeAgentAcademy.Resources.SharedText> shared, IStringLocalizer<SupervisionText> S)
{
    public const int MinimumForAggregates = 3;

    private SupervisionOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// One transaction for a command that writes several rows (and moves the rotation on); none when the caller
    /// (the demo import) already holds one.
    /// </summary>
    private async Task<IDbContextTransaction?> TransactionAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    private static async Task CommitAsync(IDbContextTransaction? transaction, CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    public async Task<GroupAccess?> AccessAsync(System.Security.Claims.ClaimsPrincipal user, Guid groupId, bool tracking = false, CancellationToken ct = default)
    {
        var me = user.PersonId();
        if (me is null || !permissions.Has(user, SupervisionPermissions.View))
        {
            return null;
        }

        var groups = tracking ? db.Set<SupervisionGroup>() : db.Set<SupervisionGroup>().AsNoTracking();
        var group = await groups.FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return null;
        }

        var isMember = await db.Set<GroupMember>().AnyAsync(m => m.GroupId == groupId && m.UserId == me && m.LeftUtc == null, ct);
        var canManage = permissions.Has(user, SupervisionPermissions.ManageAll)
            || (permissions.Has(user, SupervisionPermissions.Create) && await CreatedByAsync(groupId, me.Value, ct));
        return new GroupAccess(group, group.SupervisorId == me, isMember, canManage || group.SupervisorId == me);
    }

    /// <summary>
    /// A session page's group and session: for the group's current members and its supervisor only (everyone
    /// else gets nothing, so 404). <paramref name="tracking"/> when a command changes the session.
    /// </summary>
    public async Task<(GroupAccess? Access, SupervisionSession? Session)> SessionAccessAsync(System.Security.Claims.ClaimsPrincipal user, Guid groupId, long sessionId, bool tracking = false, CancellationToken ct = default)
    {
        var access = await AccessAsync(user, groupId, ct: ct);
        if (access is not { IsInside: true })
        {
            return (null, null);
        }

        var sessions = tracking ? db.Set<SupervisionSession>() : db.Set<SupervisionSession>().AsNoTracking();
        return (access, await sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId, ct));
    }

    private Task<bool> CreatedByAsync(Guid groupId, Guid person, CancellationToken ct) =>
        db.Set<SupervisionGroup>().AnyAsync(g => g.Id == groupId && g.CreatedBy == person, ct);

    /// <summary>The groups one belongs to or supervises; with ManageAll also every other group (frame only).</summary>
    public IQueryable<SupervisionGroup> Visible(System.Security.Claims.ClaimsPrincipal user)
    {
        var me = user.RequiredPersonId();
        var groups = db.Set<SupervisionGroup>().AsNoTracking();
        if (permissions.Has(user, SupervisionPermissions.ManageAll))
        {
            return groups;
        }

        return groups.Where(g => g.SupervisorId == me || g.CreatedBy == me
            || db.Set<GroupMember>().Any(m => m.GroupId == g.Id && m.UserId == me && m.LeftUtc == null));
    }

    public IQueryable<AppUser> InRoles(IEnumerable<string> roles)
    {
        var names = roles.ToList();
        var ids = from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Set<AppRole>() on ur.RoleId equals r.Id where names.Contains(r.Name!) select ur.UserId;
        return db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id));
    }

    /// <summary>Refusal (with the reason) when <paramref name="supervisor"/> is a member or leads a member's team.</summary>
    public async Task<string?> SupervisorConflictAsync(Guid supervisor, IReadOnlyCollection<Guid> members, CancellationToken ct = default)
    {
        var leaders = await (from u in db.Set<AppUser>() join team in db.Set<Team>() on u.TeamId equals team.Id where members.Contains(u.Id) select team.LeaderId).ToListAsync(ct);
        return GroupRules.SupervisorConflict(supervisor, members, leaders) switch
        {
            "member" => S["SupervisorIsMember"].Value,
            "leader" => S["SupervisorIsLeader"].Value,
            _ => null,
        };
    }

    public string? SizeWarning(int members) => GroupRules.Size(members, Options) switch
    {
        SizeVerdict.Warning => S["SizeWarning", members, Options.MinMembers, Options.MaxMembers].Value,
        _ => null,
    };

    public async Task<Result<Guid>> CreateAsync(NewGroup input, Guid actor, CancellationToken ct = default)
    {
        var members = input.MemberIds.Distinct().ToList();
        var errors = new List<string>();
        var verdict = GroupRules.Size(members.Count, Options);
        if (verdict == SizeVerdict.Refused)
        {
            errors.Add(members.Count < 1 ? S["ChooseMembers"] : S["SizeRefused", members.Count, Options.HardMaximum]);
        }

        if (members.Contains(actor))
        {
            errors.Add(shared["CannotGrantYourself"]);
        }

        var validMembers = await InRoles(Options.MemberRoles).CountAsync(u => members.Contains(u.Id), ct);
        if (validMembers != members.Count)
        {
            errors.Add(S["ChooseMembersFromList"]);
        }

        if (!await InRoles(Options.SupervisorRoles).AnyAsync(u => u.Id == input.SupervisorId, ct))
        {
            errors.Add(S["ChooseSupervisor"]);
        }
        else if (await SupervisorConflictAsync(input.SupervisorId, members, ct) is { } conflict)
        {
            errors.Add(conflict);
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. errors]));
        }

        var now = Now;
        await using var transaction = await TransactionAsync(ct);
        var group = new SupervisionGroup
        {
            Id = Guid.NewGuid(), Name = input.Name.Trim(), SupervisorId = input.SupervisorId, StartDate = input.StartDate,
            EndDate = input.StartDate.AddMonths(Options.DurationMonths).AddDays(-1), EveryWeeks = Options.EveryWeeks, Weekday = input.Weekday,
            StartTime = input.StartTime, DurationMinutes = Options.DurationMinutes, TimeZone = notices.TimeZone, Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim(),
            PresentersPerSession = Math.Max(1, Options.PresentersPerSession), EvaluateEvery = Math.Max(1, Options.EvaluateEvery), Contract = S["DefaultContract"], ContractVersion = 1,
            Status = GroupStatus.Active, CreatedUtc = now, CreatedBy = actor,
        };
        db.Set<SupervisionGroup>().Add(group);
        db.Set<GroupMember>().AddRange(members.Select(m => new GroupMember { GroupId = group.Id, UserId = m, JoinedUtc = now }));
        var meetings = SessionCalendar.Generate(group.StartDate, group.EndDate, group.EveryWeeks, group.Weekday, group.StartTime, group.DurationMinutes, group.TimeZone);
        db.Set<SupervisionSession>().AddRange(meetings.Where(m => m.StartsUtc > now).Select(m => new SupervisionSession { GroupId = group.Id, StartsUtc = m.StartsUtc, EndsUtc = m.EndsUtc, Status = SessionStatus.Planned }));
        db.AddAudit(now, actor, "supervision.group-created", group.Id.ToString(), $"{group.Name}; supervisor {group.SupervisorId}; {members.Count} members");
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(group.Id, ct);
        await CommitAsync(transaction, ct);
        return SizeWarning(members.Count) is { } warning ? Result<Guid>.Success(group.Id, warning) : Result<Guid>.Success(group.Id);
    }

    public async Task<Result> AddMemberAsync(SupervisionGroup group, Guid person, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        if (person == actor)
        {
            // Separation of duties (AccessGrants): a member place opens the group's notes; nobody takes one themself.
            return Result.Conflict(shared["CannotGrantYourself"]);
        }

        if (!await InRoles(Options.MemberRoles).AnyAsync(u => u.Id == person, ct))
        {
            return Result.Invalid(S["ChooseMembersFromList"]);
        }

        var current = await db.Set<GroupMember>().Where(m => m.GroupId == group.Id && m.LeftUtc == null).Select(m => m.UserId).ToListAsync(ct);
        if (current.Contains(person))
        {
            return Result.Conflict(S["AlreadyMember"]);
        }

        if (GroupRules.Size(current.Count + 1, Options) == SizeVerdict.Refused)
        {
            return Result.Invalid(S["SizeRefused", current.Count + 1, Options.HardMaximum]);
        }

        if (await SupervisorConflictAsync(group.SupervisorId, [person], ct) is { } conflict)
        {
            return Result.Conflict(conflict);
        }

        var now = Now;
        var row = await db.Set<GroupMember>().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == person, ct);
        if (row is null)
        {
            db.Set<GroupMember>().Add(new GroupMember { GroupId = group.Id, UserId = person, JoinedUtc = now });
        }
        else
        {
            // Back after leaving: joins at the fair point again, with the contract to agree to afresh.
            row.LeftUtc = null;
            row.JoinedUtc = now;
            row.AgreedContractVersion = null;
            row.AgreedUtc = null;
        }

        db.AddAudit(now, actor, "supervision.member-added", group.Id.ToString(), person.ToString());
        await AccessGrants.NotifyAsync(db, notifier, shared, [.. current, group.SupervisorId], AccessGrants.Kind.GroupMember, group.Id.ToString(), group.Name, person, actor, $"/supervision/{group.Id}", now, ct);
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(group.Id, ct);
        await CommitAsync(transaction, ct);
        return SizeWarning(current.Count + 1) is { } warning ? Result.Success(warning) : Result.Success();
    }

    /// <summary>Leaving (or being taken out) is voluntary and has no consequence for progress: only this group's rows change.</summary>
    public async Task<Result> RemoveMemberAsync(SupervisionGroup group, Guid person, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        var row = await db.Set<GroupMember>().FirstOrDefaultAsync(m => m.GroupId == group.Id && m.UserId == person && m.LeftUtc == null, ct);
        if (row is null)
        {
            return Result.Conflict(S["NotAMember"]);
        }

        var now = Now;
        row.LeftUtc = now;
        // Their future turns go back to the rotation (even ones the supervisor placed or already announced).
        var future = db.Set<SupervisionSession>().Where(s => s.GroupId == group.Id && s.Status == SessionStatus.Planned && s.StartsUtc > now).Select(s => s.Id);
        await db.Set<SessionPresenter>().Where(p => p.UserId == person && future.Contains(p.SessionId)).ExecuteDeleteAsync(ct);
        db.AddAudit(now, actor, actor == person ? "supervision.member-left" : "supervision.member-removed", group.Id.ToString(), person.ToString());
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(group.Id, ct);
        await CommitAsync(transaction, ct);
        return Result.Success();
    }

    public async Task SaveContractAsync(SupervisionGroup group, string contract, Guid actor, CancellationToken ct = default)
    {
        group.Contract = contract.Trim();
        group.ContractVersion++;
        db.AddAudit(Now, actor, "supervision.contract-changed", group.Id.ToString(), $"version {group.ContractVersion}");
        await db.SaveChangesAsync(ct);
    }

    public async Task<Result> AgreeAsync(SupervisionGroup group, Guid person, int version, CancellationToken ct = default)
    {
        if (version != group.ContractVersion)
        {
            return Result.Conflict(S["ContractChanged"]);
        }

        var now = Now;
        var changed = await db.Set<GroupMember>().Where(m => m.GroupId == group.Id && m.UserId == person && m.LeftUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AgreedContractVersion, version).SetProperty(m => m.AgreedUtc, now), ct);
        return changed == 1 ? Result.Success() : Result.Conflict(S["ContractChanged"]);
    }

    public async Task<Result> MoveAsync(SupervisionSession session, DateTime newStartUtc, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        var now = Now;
        if (!SessionCalendar.CanChange(session.Status, session.StartsUtc, now))
        {
            return Result.Conflict(S["SessionCannotChange"]);
        }

        if (!SessionCalendar.CanPlanAt(newStartUtc, now))
        {
            return Result.Invalid(S["MoveIntoPast"]);
        }

        var length = session.EndsUtc - session.StartsUtc;
        db.AddAudit(now, actor, "supervision.session-moved", session.GroupId.ToString(), $"session {session.Id}: {session.StartsUtc:O} -> {newStartUtc:O}");
        session.StartsUtc = newStartUtc;
        session.EndsUtc = newStartUtc + length;
        session.Adjusted = true;
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(session.GroupId, ct);
        await CommitAsync(transaction, ct);
        return Result.Success();
    }

    public async Task<Result> CancelAsync(SupervisionSession session, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        if (!SessionCalendar.CanChange(session.Status, session.StartsUtc, Now))
        {
            return Result.Conflict(S["SessionCannotChange"]);
        }

        session.Status = SessionStatus.Cancelled;
        session.Adjusted = true;
        await db.Set<SessionPresenter>().Where(p => p.SessionId == session.Id).ExecuteDeleteAsync(ct);
        db.AddAudit(Now, actor, "supervision.session-cancelled", session.GroupId.ToString(), $"session {session.Id}");
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(session.GroupId, ct);
        await CommitAsync(transaction, ct);
        return Result.Success();
    }

    public async Task<Result> AddSessionAsync(SupervisionGroup group, DateTime startUtc, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        if (!SessionCalendar.CanPlanAt(startUtc, Now))
        {
            return Result.Invalid(S["MoveIntoPast"]);
        }

        var session = new SupervisionSession { GroupId = group.Id, StartsUtc = startUtc, EndsUtc = startUtc.AddMinutes(group.DurationMinutes), Status = SessionStatus.Planned, Adjusted = true };
        db.Set<SupervisionSession>().Add(session);
        await db.SaveChangesAsync(ct);
        db.AddAudit(Now, actor, "supervision.session-added", group.Id.ToString(), $"session {session.Id}: {startUtc:O}");
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(group.Id, ct);
        await CommitAsync(transaction, ct);
        return Result.Success();
    }

    /// <summary>
    /// Re-proposes the presenters of the group's future sessions from its history. Sessions whose
    /// presenters the supervisor set (Swapped) or that were already announced keep theirs.
    /// </summary>
    public async Task RefreshPresentersAsync(Guid groupId, CancellationToken ct = default)
    {
        var now = Now;
        var group = await db.Set<SupervisionGroup>().AsNoTracking().FirstAsync(g => g.Id == groupId, ct);
        var members = await db.Set<GroupMember>().AsNoTracking().Where(m => m.GroupId == groupId)
            .Select(m => new RotationMember(m.UserId, m.JoinedUtc, m.LeftUtc)).ToListAsync(ct);
        var history = await HistoryAsync(groupId, ct);
        var sessions = await db.Set<SupervisionSession>().AsNoTracking()
            .Where(s => s.GroupId == groupId && s.Status == SessionStatus.Planned && s.StartsUtc > now)
            .OrderBy(s => s.StartsUtc).Select(s => new { s.Id, s.StartsUtc, s.PresentersNotifiedUtc }).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var rows = await db.Set<SessionPresenter>().AsNoTracking().Where(p => ids.Contains(p.SessionId)).ToListAsync(ct);
        var upcoming = sessions.Select(s =>
        {
            var mine = rows.Where(r => r.SessionId == s.Id).ToList();
            var isFixed = s.PresentersNotifiedUtc is not null || mine.Any(r => r.Swapped);
            return new UpcomingSession(s.Id, s.StartsUtc, isFixed ? mine.Select(r => r.UserId).ToList() : null);
        }).ToList();
        var proposal = PresenterRotation.Propose(members, history, upcoming, group.PresentersPerSession);
        var proposed = upcoming.Where(u => u.Fixed is null).Select(u => u.Id).ToList();
        foreach (var chunk in proposed.Chunk(500))
        {
            await db.Set<SessionPresenter>().Where(p => chunk.Contains(p.SessionId)).ExecuteDeleteAsync(ct);
        }

        db.Set<SessionPresenter>().AddRange(proposed.SelectMany(id => proposal[id].Select(u => new SessionPresenter { SessionId = id, UserId = u })));
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<HeldSession>> HistoryAsync(Guid groupId, CancellationToken ct = default)
    {
        var held = await db.Set<SupervisionSession>().AsNoTracking().Where(s => s.GroupId == groupId && s.Status == SessionStatus.Held)
            .OrderBy(s => s.StartsUtc).Select(s => new { s.Id, s.StartsUtc }).ToListAsync(ct);
        var ids = held.Select(s => s.Id).ToList();
        var presenters = await db.Set<SessionPresenter>().AsNoTracking().Where(p => ids.Contains(p.SessionId)).ToListAsync(ct);
        var present = await db.Set<Attendance>().AsNoTracking().Where(a => ids.Contains(a.SessionId) && a.Present).Select(a => new { a.SessionId, a.UserId }).ToListAsync(ct);
        var presentSet = present.Select(p => (p.SessionId, p.UserId)).ToHashSet();
        return held.Select(s => new HeldSession(s.StartsUtc, presenters.Where(p => p.SessionId == s.Id)
            .Select(p => new Turn(p.UserId, p.Presented ?? presentSet.Contains((s.Id, p.UserId)))).ToList())).ToList();
    }

    /// <summary>The supervisor swaps one presenter for another member; the session's presenters are then the supervisor's choice.</summary>
    public async Task<Result> SwapAsync(SupervisionSession session, Guid from, Guid to, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        if (!SessionCalendar.CanChange(session.Status, session.StartsUtc, Now))
        {
            return Result.Conflict(S["SessionCannotChange"]);
        }

        var rows = await db.Set<SessionPresenter>().Where(p => p.SessionId == session.Id).ToListAsync(ct);
        var isMember = await db.Set<GroupMember>().AnyAsync(m => m.GroupId == session.GroupId && m.UserId == to && m.LeftUtc == null, ct);
        if (rows.All(r => r.UserId != from) || !isMember || rows.Any(r => r.UserId == to))
        {
            return Result.Invalid(S["SwapInvalid"]);
        }

        db.Set<SessionPresenter>().Remove(rows.Single(r => r.UserId == from));
        db.Set<SessionPresenter>().Add(new SessionPresenter { SessionId = session.Id, UserId = to, Swapped = true });
        // Every row of a session the supervisor edited is fixed, so the rotation never puts the swapped-out member back.
        foreach (var row in rows.Where(r => r.UserId != from))
        {
            row.Swapped = true;
        }

        db.AddAudit(Now, actor, "supervision.presenter-swapped", session.GroupId.ToString(), $"session {session.Id}: {from} -> {to}");
        if (session.PresentersNotifiedUtc is not null)
        {
            await notifier.NotifyAsync(await notices.PresentingAsync(session, to, ct), ct);
        }

        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(session.GroupId, ct);
        await CommitAsync(transaction, ct);
        return Result.Success();
    }

    /// <summary>Attendance and who presented: marks the session held and moves the rotation on.</summary>
    public async Task<Result> RecordAttendanceAsync(SupervisionSession session, IReadOnlyCollection<Guid> present, IReadOnlyCollection<Guid> presented, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await TransactionAsync(ct);
        var now = Now;
        if (session.Status == SessionStatus.Cancelled || session.StartsUtc > now.AddHours(12))
        {
            return Result.Conflict(S["AttendanceTooEarly"]);
        }

        var members = await MembersAtAsync(session, ct);
        if (present.Any(p => !members.Contains(p)))
        {
            return Result.Invalid(S["ChooseMembersFromList"]);
        }

        await db.Set<Attendance>().Where(a => a.SessionId == session.Id).ExecuteDeleteAsync(ct);
        db.Set<Attendance>().AddRange(members.Select(m => new Attendance { SessionId = session.Id, UserId = m, Present = present.Contains(m), RecordedUtc = now }));
        foreach (var row in await db.Set<SessionPresenter>().Where(p => p.SessionId == session.Id).ToListAsync(ct))
        {
            row.Presented = presented.Contains(row.UserId) && present.Contains(row.UserId);
        }

        session.Status = SessionStatus.Held;
        db.AddAudit(now, actor, "supervision.attendance-recorded", session.GroupId.ToString(), $"session {session.Id}: {present.Count} of {members.Count}");
        await db.SaveChangesAsync(ct);
        await RefreshPresentersAsync(session.GroupId, ct);
        await CommitAsync(transaction, ct);
        return Result.Success();
    }

    /// <summary>Members who belonged to the group when the session started (and have not left since it started).</summary>
    public async Task<List<Guid>> MembersAtAsync(SupervisionSession session, CancellationToken ct = default) =>
        await db.Set<GroupMember>().Where(m => m.GroupId == session.GroupId && m.JoinedUtc <= session.EndsUtc && (m.LeftUtc == null || m.LeftUtc > session.StartsUtc))
            .Select(m => m.UserId).ToListAsync(ct);

    public async Task SaveNotesAsync(SupervisionSession session, string markdown, string html, Guid actor, CancellationToken ct = default)
    {
        session.NotesMarkdown = string.IsNullOrWhiteSpace(markdown) ? null : markdown;
        session.NotesHtml = session.NotesMarkdown is null ? null : html;
        session.NotesBy = actor;
        session.NotesUtc = Now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The evaluation points: every EvaluateEvery-th held session, oldest first.</summary>
    public async Task<List<(long Id, DateTime StartsUtc)>> EvaluationPointsAsync(SupervisionGroup group, CancellationToken ct = default)
    {
        var held = await db.Set<SupervisionSession>().AsNoTracking().Where(s => s.GroupId == group.Id && s.Status == SessionStatus.Held)
            .OrderBy(s => s.StartsUtc).ThenBy(s => s.Id).Select(s => new { s.Id, s.StartsUtc }).ToListAsync(ct);
        var every = Math.Max(1, group.EvaluateEvery);
        return held.Where((_, i) => (i + 1) % every == 0).Select(s => (s.Id, s.StartsUtc)).ToList();
    }

    /// <summary>The point a member may answer now: the latest one, if they have not answered it.</summary>
    public async Task<long?> OpenPointForAsync(SupervisionGroup group, Guid person, CancellationToken ct = default)
    {
        var points = await EvaluationPointsAsync(group, ct);
        if (points.Count == 0)
        {
            return null;
        }

        var latest = points[^1].Id;
        var answered = await db.Set<Evaluation>().AnyAsync(e => e.SessionId == latest && e.UserId == person, ct);
        return answered ? null : latest;
    }

    public async Task<Result> AnswerAsync(SupervisionGroup group, Guid person, long point, EvaluationAnswers answers, CancellationToken ct = default)
    {
        if (await OpenPointForAsync(group, person, ct) != point)
        {
            return Result.Conflict(S["EvaluationClosed"]);
        }

        int[] values = [answers.Space, answers.Frame, answers.Usefulness, answers.Safety];
        if (values.Any(v => v is < 1 or > 5))
        {
            return Result.Invalid(S["AnswerEveryQuestion"]);
        }

        if (answers.Comment is { Length: > 2000 })
        {
            return Result.Invalid(S["CommentTooLong", 2000]);
        }

        db.Set<Evaluation>().Add(new Evaluation
        {
            GroupId = group.Id, SessionId = point, UserId = person, Space = answers.Space, Frame = answers.Frame, Usefulness = answers.Usefulness, Safety = answers.Safety,
            Comment = string.IsNullOrWhiteSpace(answers.Comment) ? null : answers.Comment.Trim(), CreatedUtc = Now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result.Conflict(S["EvaluationClosed"]); // answered twice at once: the unique index keeps one
        }

        return Result.Success();
    }

    /// <summary>Averages and counts per evaluation point; with fewer than three answers nothing but the count.</summary>
    public async Task<List<EvaluationAggregate>> AggregatesAsync(SupervisionGroup group, CancellationToken ct = default)
    {
        var points = await EvaluationPointsAsync(group, ct);
        var ids = points.Select(p => p.Id).ToList();
        var sums = await db.Set<Evaluation>().AsNoTracking().Where(e => e.GroupId == group.Id && ids.Contains(e.SessionId))
            .GroupBy(e => e.SessionId)
            .Select(g => new { g.Key, Count = g.Count(), Space = g.Average(e => (double)e.Space), Frame = g.Average(e => (double)e.Frame), Usefulness = g.Average(e => (double)e.Usefulness), Safety = g.Average(e => (double)e.Safety) })
            .ToListAsync(ct);
        var shown = sums.Where(s => s.Count >= MinimumForAggregates).Select(s => s.Key).ToList();
        var comments = await db.Set<Evaluation>().AsNoTracking().Where(e => shown.Contains(e.SessionId) && e.Comment != null).Select(e => new { e.SessionId, e.Comment }).ToListAsync(ct);
        return points.Select(p =>
        {
            var s = sums.FirstOrDefault(x => x.Key == p.Id);
            var count = s?.Count ?? 0;
            if (s is null || count < MinimumForAggregates)
            {
                return new EvaluationAggregate(p.Id, p.StartsUtc, count, null, null, null, null, []);
            }

            // Comments without names, in text order (not answer order), so none can be traced to a person.
            var text = comments.Where(c => c.SessionId == p.Id).Select(c => c.Comment!).Order(StringComparer.Ordinal).ToList();
            return new EvaluationAggregate(p.Id, p.StartsUtc, count, Math.Round(s.Space, 1), Math.Round(s.Frame, 1), Math.Round(s.Usefulness, 1), Math.Round(s.Safety, 1), text);
        }).Reverse().ToList();
    }
}
