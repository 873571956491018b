using System.Globalization;
using System.Security.Claims;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.ViewModels;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>The reading for the supervision pages: the list of groups, a group, a session, the evaluation, the new-group form and the start panel.</summary>
public sealed class SupervisionPages(
    DbContext db, SupervisionService service, IPermissionService permissions, IMarkdownRenderer markdown, IOptions<SupervisionOptions> options, ProgrammeTime time)
{
    public async Task<GroupIndexViewModel> IndexAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = user.RequiredPersonId();
        var now = time.UtcNow;
        var rows = await service.Visible(user).OrderBy(g => g.Name)
            .Select(g => new GroupRow(g.Id, g.Name, db.Set<AppUser>().Where(u => u.Id == g.SupervisorId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                db.Set<GroupMember>().Count(m => m.GroupId == g.Id && m.LeftUtc == null),
                db.Set<SupervisionSession>().Where(s => s.GroupId == g.Id && s.Status == SessionStatus.Planned && s.StartsUtc > now).Min(s => (DateTime?)s.StartsUtc),
                g.SupervisorId == me, db.Set<GroupMember>().Any(m => m.GroupId == g.Id && m.UserId == me && m.LeftUtc == null)))
            .ToListAsync(ct);
        return new GroupIndexViewModel(rows, permissions.Has(user, SupervisionPermissions.Create));
    }

    /// <summary>The new-group form with the people to choose from.</summary>
    public async Task<NewGroupViewModel> WithPeopleAsync(NewGroupViewModel form, CancellationToken ct = default)
    {
        form.Supervisors = await service.InRoles(options.Value.SupervisorRoles).OrderBy(u => u.DisplayName).Select(u => new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        form.Candidates = await service.InRoles(options.Value.MemberRoles).OrderBy(u => u.DisplayName).Select(u => new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        form.Options = options.Value;
        return form;
    }

    public async Task<GroupViewModel> GroupAsync(GroupAccess access, Guid me, CancellationToken ct = default)
    {
        var g = access.Group;
        var now = time.UtcNow;
        var members = await (from m in db.Set<GroupMember>().AsNoTracking()
                             join u in db.Set<AppUser>() on m.UserId equals u.Id
                             where m.GroupId == g.Id && m.LeftUtc == null
                             orderby u.DisplayName
                             select new MemberRow(u.Id, u.DisplayName, m.AgreedContractVersion == g.ContractVersion, m.JoinedUtc)).ToListAsync(ct);
        var sessions = await db.Set<SupervisionSession>().AsNoTracking().Where(s => s.GroupId == g.Id).OrderBy(s => s.StartsUtc).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var presenters = await (from p in db.Set<SessionPresenter>().AsNoTracking()
                                join u in db.Set<AppUser>() on p.UserId equals u.Id
                                where ids.Contains(p.SessionId)
                                orderby u.DisplayName
                                select new { p.SessionId, u.DisplayName }).ToListAsync(ct);
        SessionRow Row(SupervisionSession s) => new(s.Id, s.StartsUtc, s.EndsUtc, s.Status, s.Adjusted, presenters.Where(p => p.SessionId == s.Id).Select(p => p.DisplayName).ToList(), s.NotesHtml is not null);
        var upcoming = sessions.Where(s => s.StartsUtc > now && s.Status != SessionStatus.Held).Select(Row).ToList();
        var past = sessions.Where(s => !(s.StartsUtc > now && s.Status != SessionStatus.Held)).Select(Row).Reverse().ToList();
        var supervisor = await db.Set<AppUser>().Where(u => u.Id == g.SupervisorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var addable = new List<PersonRow>();
        if (access.CanManage)
        {
            var current = members.Select(m => m.Id).ToList();
            addable = await service.InRoles(options.Value.MemberRoles).Where(u => !current.Contains(u.Id) && u.Id != g.SupervisorId)
                .OrderBy(u => u.DisplayName).Select(u => new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        }

        var meAgreed = members.Any(m => m.Id == me && m.AgreedCurrent);
        var evaluationOpen = access.IsMember && await service.OpenPointForAsync(g, me, ct) is not null;
        return new GroupViewModel(g, access, supervisor, markdown.ToSafeHtml(g.Contract), members, upcoming, past, addable, meAgreed, evaluationOpen,
            access.CanManage ? service.SizeWarning(members.Count) : null);
    }

    public async Task<SessionViewModel> SessionAsync(GroupAccess access, SupervisionSession session, CancellationToken ct = default)
    {
        var memberIds = await service.MembersAtAsync(session, ct);
        var people = await db.Set<AppUser>().AsNoTracking().Where(u => memberIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        var attendance = await db.Set<Attendance>().AsNoTracking().Where(a => a.SessionId == session.Id).ToDictionaryAsync(a => a.UserId, a => a.Present, ct);
        var turns = await db.Set<SessionPresenter>().AsNoTracking().Where(p => p.SessionId == session.Id).ToListAsync(ct);
        var rows = people.Select(p => new AttendanceRow(p.Id, p.Name, attendance.TryGetValue(p.Id, out var present) ? present : null,
            turns.Any(x => x.UserId == p.Id), turns.FirstOrDefault(x => x.UserId == p.Id)?.Presented)).ToList();
        var presenters = await db.Set<AppUser>().AsNoTracking().Where(u => turns.Select(x => x.UserId).Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        var current = await db.Set<GroupMember>().Where(m => m.GroupId == session.GroupId && m.LeftUtc == null).Select(m => m.UserId).ToListAsync(ct);
        var candidates = await db.Set<AppUser>().AsNoTracking().Where(u => current.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new PersonRow(u.Id, u.DisplayName)).ToListAsync(ct);
        candidates = candidates.Where(c => presenters.All(p => p.Id != c.Id)).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Group.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(session.StartsUtc, DateTimeKind.Utc), zone);
        return new SessionViewModel(access.Group, access, session, rows, presenters, candidates, SessionCalendar.CanChange(session.Status, session.StartsUtc, time.UtcNow),
            local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
    }

    public async Task<EvaluationViewModel> EvaluationAsync(GroupAccess access, Guid me, CancellationToken ct = default) =>
        new(access.Group, access, access.IsMember ? await service.OpenPointForAsync(access.Group, me, ct) : null, access.SeesAggregates ? await service.AggregatesAsync(access.Group, ct) : []);

    /// <summary>A current member's name (for the question before they are taken out), or null.</summary>
    public Task<string?> MemberNameAsync(Guid groupId, Guid personId, CancellationToken ct = default) =>
        (from m in db.Set<GroupMember>()
         join u in db.Set<AppUser>() on m.UserId equals u.Id
         where m.GroupId == groupId && m.UserId == personId && m.LeftUtc == null
         select u.DisplayName).FirstOrDefaultAsync(ct);
}
