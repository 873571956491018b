using System.Net;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Jobs;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>Supervision groups on SQLite and PostgreSQL with a fake clock: the rules, the refusals, confidentiality of notes and evaluations.</summary>
public abstract class SupervisionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private const string Supervisor = "Supervisor";

    private static Task<SiteClient> AsAsync(SiteFactory site, AppUser person) => SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

    private DateOnly Tomorrow => DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime).AddDays(1);

    private static Dictionary<string, string> Form(string name, Guid supervisor, DateOnly start) => new()
    {
        ["Name"] = name, ["SupervisorId"] = supervisor.ToString(), ["StartDate"] = start.ToString("yyyy-MM-dd"), ["Weekday"] = start.DayOfWeek.ToString(), ["StartTime"] = "13:00", ["Place"] = "Room 2",
    };

    private static async Task<HttpResponseMessage> CreateAsync(SiteClient client, Dictionary<string, string> form, IEnumerable<Guid> members) =>
        await client.PostFormAsync("/supervision/new", "/supervision/new", form.Select(p => p).Concat(members.Select(m => new KeyValuePair<string, string>("MemberIds", m.ToString()))));

    /// <summary>A group of the cohort's trainees run by a new external supervisor, created by the cohort's trainer.</summary>
    private async Task<(TestCohort Cohort, AppUser Supervisor, Guid GroupId, SiteClient Creator)> GroupAsync(int members = 6)
    {
        var cohort = await site.CohortAsync(members);
        var supervisor = await site.PersonAsync(Supervisor);
        var trainer = await AsAsync(site, cohort.Trainer);
        var name = "Group " + Guid.NewGuid().ToString("N")[..6];
        var response = await CreateAsync(trainer, Form(name, supervisor.Id, Tomorrow), cohort.Trainees.Select(t => t.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().Where(g => g.Name == name).Select(g => g.Id).SingleAsync());
        return (cohort, supervisor, id, trainer);
    }

    [Fact]
    public async Task Create_GroupWithCalendarAndRotation_Audited()
    {
        var (cohort, supervisor, id, _) = await GroupAsync();
        var createdBy = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().Where(g => g.Id == id).Select(g => g.CreatedBy).SingleAsync());
        Assert.Equal(cohort.Trainer.Id, createdBy); // its own column, not the audit
        var sessions = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).ToListAsync());
        var presenters = await site.WithScopeAsync((_, db) => db.Set<SessionPresenter>().Where(p => sessions.Select(s => s.Id).Contains(p.SessionId)).ToListAsync());
        var audit = await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == id.ToString()).Select(a => a.Action).ToListAsync());
        var page = await (await AsAsync(site, supervisor)).GetStringAsync($"/supervision/{id}");

        Assert.InRange(sessions.Count, 26, 27); // every other week for a year (27 when the year holds 53 of that weekday's fortnights)
        Assert.All(sessions, s => Assert.Equal(90, (s.EndsUtc - s.StartsUtc).TotalMinutes));
        Assert.Equal(sessions.Count, presenters.Count);
        Assert.Equal(cohort.Trainees.Select(t => t.Id).Order(), presenters.Take(6).Select(p => p.UserId).Order()); // everyone once in the first round
        Assert.Contains("supervision.group-created", audit);
        Assert.Contains(cohort.Trainees[0].DisplayName, page);
    }

    [Fact]
    public async Task Create_GroupOf12_RefusedWithMessage_NothingSaved()
    {
        var cohort = await site.CohortAsync(12);
        var supervisor = await site.PersonAsync(Supervisor);
        var trainer = await AsAsync(site, cohort.Trainer);
        var before = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().CountAsync());

        var response = await CreateAsync(trainer, Form("Too big", supervisor.Id, Tomorrow), cohort.Trainees.Select(t => t.Id));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A group of 12 is not possible: at most 10 members. Nothing was saved.", body);
        Assert.Contains("value=\"Too big\"", body); // the typed text comes back
        Assert.Equal(before, await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().CountAsync()));
    }

    [Fact]
    public async Task Create_SupervisorWhoLeadsAMembersTeam_Refused_AndAsMember_Refused()
    {
        var cohort = await site.CohortAsync(5);
        var supervisor = await site.PersonAsync(Supervisor);
        await site.WithScopeAsync(async (_, db) =>
        {
            await db.Teams.Where(t => t.Id == cohort.TeamId).ExecuteUpdateAsync(u => u.SetProperty(t => t.LeaderId, supervisor.Id));
        });
        var trainer = await AsAsync(site, cohort.Trainer);
        var before = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().CountAsync());

        var leads = await CreateAsync(trainer, Form("Leader group", supervisor.Id, Tomorrow), cohort.Trainees.Select(t => t.Id));
        var member = await CreateAsync(trainer, Form("Member group", cohort.Trainer.Id, Tomorrow), cohort.Trainees.Select(t => t.Id).Append(cohort.Trainer.Id));

        Assert.Equal(HttpStatusCode.BadRequest, leads.StatusCode);
        Assert.Contains("cannot be the line manager", await leads.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        Assert.Equal(before, await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().CountAsync()));
    }

    [Fact]
    public async Task Create_FourMembers_SavedWithWarning_TraineeMayNotCreate()
    {
        var cohort = await site.CohortAsync(4);
        var supervisor = await site.PersonAsync(Supervisor);
        var trainer = await AsAsync(site, cohort.Trainer);
        var response = await CreateAsync(trainer, Form("Small", supervisor.Id, Tomorrow), cohort.Trainees.Select(t => t.Id));
        var page = WebUtility.HtmlDecode(await trainer.GetStringAsync(response.Headers.Location!.ToString()));
        var trainee = await AsAsync(site, cohort.Trainees[0]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("The group has 4 members; the programme recommends 5 to 7.", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.GetAsync("/supervision/new")).StatusCode);
    }

    [Fact]
    public async Task Notes_OnlyMembersAndSupervisor_Everyone_Else404()
    {
        var (cohort, supervisor, id, creator) = await GroupAsync();
        var session = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).Select(s => s.Id).FirstAsync());
        var url = $"/supervision/{id}/sessions/{session}";
        var sup = await AsAsync(site, supervisor);
        var saved = await sup.PostFormAsync(url, $"{url}/notes", new Dictionary<string, string> { ["notes"] = "Marker-n0t3s: **dilemma** about a morning routine." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var member = await AsAsync(site, cohort.Trainees[1]);
        Assert.Contains("Marker-n0t3s", await member.GetStringAsync(url));
        Assert.Contains("<strong>dilemma</strong>", await sup.GetStringAsync(url));

        var otherTrainer = await AsAsync(site, await site.PersonAsync(Security.Roles.Trainer));
        var otherTrainee = await AsAsync(site, await site.PersonAsync(Security.Roles.Trainee));
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var leader = await AsAsync(site, cohort.Leader);
        foreach (var outsider in new[] { leader, otherTrainer, admin, otherTrainee, creator })
        {
            var response = await outsider.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Marker-n0t3s", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/supervision/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTrainer.GetAsync($"/supervision/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/supervision/{id}")).StatusCode); // the frame, without notes
        Assert.DoesNotContain("Marker-n0t3s", await admin.GetStringAsync($"/supervision/{id}"));

        // A member who leaves is outside from then on; leaving changes nothing else.
        var left = await member.PostFormAsync($"/supervision/{id}", $"/supervision/{id}/leave", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);
        var audit = await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("supervision.member-left", audit);
        var stillEnrolled = await site.WithScopeAsync((_, db) => db.Set<Cohorts.Data.CohortMember>().AnyAsync(m => m.UserId == cohort.Trainees[1].Id && m.Status == Cohorts.Data.MemberStatus.Enrolled));
        Assert.True(stillEnrolled);
    }

    [Fact]
    public async Task RemoveMember_FirstPostOnlyAsks_ConfirmedPostRemoves_MemberCannot()
    {
        var (cohort, _, id, creator) = await GroupAsync();
        var person = cohort.Trainees[0];
        var url = $"/supervision/{id}/members/{person.Id}/remove";
        Task<bool> InAsync() => site.WithScopeAsync((_, db) => db.Set<GroupMember>().AnyAsync(m => m.GroupId == id && m.UserId == person.Id && m.LeftUtc == null));

        var asked = await creator.PostFormAsync($"/supervision/{id}", url, []);
        var question = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        var stillIn = await InAsync();
        var byMember = await (await AsAsync(site, cohort.Trainees[1])).PostFormAsync($"/supervision/{id}", url, new Dictionary<string, string> { ["confirmed"] = "true" });
        var stillInAfterMember = await InAsync();
        var confirmed = await creator.PostFormAsync($"/supervision/{id}", url, new Dictionary<string, string> { ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"Take {person.DisplayName} out of", question);
        Assert.Contains("name=\"confirmed\" value=\"true\"", question);
        Assert.True(stillIn);
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        Assert.True(stillInAfterMember);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await InAsync());
    }

    [Fact]
    public async Task Calendar_MoveIntoPastRefused_MoveCancelAddWork()
    {
        var (_, supervisor, id, _) = await GroupAsync();
        var sessions = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).ToListAsync());
        var url = $"/supervision/{id}/sessions/{sessions[1].Id}";
        var sup = await AsAsync(site, supervisor);

        var past = await sup.PostFormAsync(url, $"{url}/move", new Dictionary<string, string> { ["startsLocal"] = "2020-01-01T13:00" });
        var pastBody = WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync());
        var moved = await sup.PostFormAsync(url, $"{url}/move", new Dictionary<string, string> { ["startsLocal"] = "2027-12-01T10:00" });
        var cancelled = await sup.PostFormAsync($"/supervision/{id}/sessions/{sessions[2].Id}", $"/supervision/{id}/sessions/{sessions[2].Id}/cancel", new Dictionary<string, string> { ["confirmed"] = "true" });
        var added = await sup.PostFormAsync($"/supervision/{id}", $"/supervision/{id}/sessions", new Dictionary<string, string> { ["startsLocal"] = "2027-12-24T09:00" });
        var member = await AsAsync(site, await site.WithScopeAsync((_, db) => db.Users.FirstAsync(u => db.Set<GroupMember>().Any(m => m.GroupId == id && m.UserId == u.Id))));
        var byMember = await member.PostFormAsync($"/supervision/{id}/sessions/{sessions[3].Id}", $"/supervision/{id}/sessions/{sessions[3].Id}/cancel", new Dictionary<string, string> { ["confirmed"] = "true" });
        var after = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().AsNoTracking().Where(s => s.GroupId == id).ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("cannot be moved to or added at a time that has passed", pastBody);
        Assert.Contains("2020-01-01T13:00", pastBody);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new DateTime(2027, 12, 1, 9, 0, 0), after.Single(s => s.Id == sessions[1].Id).StartsUtc);
        Assert.True(after.Single(s => s.Id == sessions[1].Id).Adjusted);
        Assert.Equal(SessionStatus.Cancelled, after.Single(s => s.Id == sessions[2].Id).Status);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(sessions.Count + 1, after.Count);
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode); // only the supervisor adjusts the calendar
        Assert.Equal(SessionStatus.Planned, after.Single(s => s.Id == sessions[3].Id).Status);
    }

    [Fact]
    public async Task Rotation_AttendanceSwapAndReminders_TellPresentersOnce()
    {
        var (cohort, supervisor, id, _) = await GroupAsync();
        var sup = await AsAsync(site, supervisor);
        var sessions = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().AsNoTracking().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).ToListAsync());
        Guid PresenterOf(List<SessionPresenter> rows, long session) => rows.Single(r => r.SessionId == session).UserId;
        var rows = await site.WithScopeAsync((_, db) => db.Set<SessionPresenter>().AsNoTracking().ToListAsync());
        var first = PresenterOf(rows, sessions[0].Id);

        // Session 1 is held; its presenter is absent and so still owed: proposed for session 2.
        site.MoveTo(sessions[0].StartsUtc.AddMinutes(95));
        sup = await AsAsync(site, supervisor); // signed in again: the fake clock has passed the session's lifetime
        var url = $"/supervision/{id}/sessions/{sessions[0].Id}";
        var present = cohort.Trainees.Where(t => t.Id != first).Select(t => new KeyValuePair<string, string>("present", t.Id.ToString())).ToList();
        var recorded = await sup.PostFormAsync(url, $"{url}/attendance", present.Append(new("presented", first.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("Attendance saved", await sup.GetStringAsync(url));
        rows = await site.WithScopeAsync((_, db) => db.Set<SessionPresenter>().AsNoTracking().ToListAsync());
        Assert.Equal(first, PresenterOf(rows, sessions[1].Id));
        Assert.False(rows.Single(r => r.SessionId == sessions[0].Id).Presented);

        // The supervisor swaps session 2's presenter: the swapped-out member comes at session 3.
        var other = cohort.Trainees.First(t => t.Id != first).Id;
        var swapUrl = $"/supervision/{id}/sessions/{sessions[1].Id}";
        var swapped = await sup.PostFormAsync(swapUrl, $"{swapUrl}/swap", new Dictionary<string, string> { ["from"] = first.ToString(), ["to"] = other.ToString() });
        rows = await site.WithScopeAsync((_, db) => db.Set<SessionPresenter>().AsNoTracking().ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, swapped.StatusCode);
        Assert.Equal(other, PresenterOf(rows, sessions[1].Id));
        Assert.Equal(first, PresenterOf(rows, sessions[2].Id));
        Assert.Contains("supervision.presenter-swapped", await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == id.ToString()).Select(a => a.Action).ToListAsync()));

        // A week ahead the presenter is told, once, however often the job runs.
        site.MoveTo(sessions[1].StartsUtc.AddDays(-6));
        var told = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<RemindPresentersJob>().RunOnceAsync());
        var again = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<RemindPresentersJob>().RunOnceAsync());
        var notices = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.Key.StartsWith("supervision:present:")).Select(i => i.Key).ToListAsync());
        Assert.True(told >= 1); // other groups on this shared site may be due as well
        Assert.Equal(0, again);
        Assert.Contains($"supervision:present:{sessions[1].Id}:{other}", notices);
        Assert.DoesNotContain($"supervision:present:{sessions[2].Id}:{first}", notices); // two weeks away: not yet
    }

    [Fact]
    public async Task Contract_EditBumpsVersion_MembersAgreeToCurrent()
    {
        var (cohort, supervisor, id, _) = await GroupAsync();
        var sup = await AsAsync(site, supervisor);
        var member = await AsAsync(site, cohort.Trainees[0]);
        var agreed = await member.PostFormAsync($"/supervision/{id}", $"/supervision/{id}/agree", new Dictionary<string, string> { ["version"] = "1" });
        var empty = await sup.PostFormAsync($"/supervision/{id}/contract", $"/supervision/{id}/contract", new Dictionary<string, string> { ["contract"] = " " });
        var edit = await sup.PostFormAsync($"/supervision/{id}/contract", $"/supervision/{id}/contract", new Dictionary<string, string> { ["contract"] = "## Frame\nWe keep **time**." });
        var stale = await member.PostFormAsync($"/supervision/{id}", $"/supervision/{id}/agree", new Dictionary<string, string> { ["version"] = "1" });
        var row = await site.WithScopeAsync((_, db) => db.Set<GroupMember>().AsNoTracking().SingleAsync(m => m.GroupId == id && m.UserId == cohort.Trainees[0].Id));
        var group = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().AsNoTracking().SingleAsync(g => g.Id == id));
        var byMember = await member.GetAsync($"/supervision/{id}/contract");

        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(2, group.ContractVersion);
        Assert.Equal(1, row.AgreedContractVersion); // agreed to the old one only
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("<strong>time</strong>", await member.GetStringAsync($"/supervision/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        Assert.Contains("supervision.contract-changed", await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == id.ToString()).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Notes_WithACitizensName_WarnKeepTextSaveNothing_ConfirmSaves()
    {
        var (_, supervisor, id, _) = await GroupAsync();
        var session = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).Select(s => s.Id).FirstAsync());
        var url = $"/supervision/{id}/sessions/{session}";
        var sup = await AsAsync(site, supervisor);
        var text = "We talked about how Gunnel Andersson i hemtjänsten refused her medicine.";

        var warned = await sup.PostFormAsync(url, $"{url}/notes", new Dictionary<string, string> { ["notes"] = text });
        var page = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var before = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().AsNoTracking().Where(s => s.Id == session).Select(s => s.NotesMarkdown).SingleAsync());
        var confirmed = await sup.PostFormAsync(url, $"{url}/notes", new Dictionary<string, string> { ["notes"] = text, ["citizenDataConfirmed"] = "true" });
        var after = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().AsNoTracking().Where(s => s.Id == session).Select(s => s.NotesMarkdown).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", page);
        Assert.Contains("<mark", page);
        Assert.Contains($">{text}</textarea>", page); // what was typed stays
        Assert.Contains("name=\"citizenDataConfirmed\"", page);
        Assert.NotEqual(text, before); // nothing saved
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(text, after);
    }

    [Fact]
    public async Task Contract_WithAnIdentityNumber_WarnKeepTextSaveNothing_ConfirmSaves()
    {
        var (_, supervisor, id, _) = await GroupAsync();
        var sup = await AsAsync(site, supervisor);
        var url = $"/supervision/{id}/contract";
        var text = "We never write a personal number such as 19121212-1212 in our notes.";

        var warned = await sup.PostFormAsync(url, url, new Dictionary<string, string> { ["contract"] = text });
        var page = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var before = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().AsNoTracking().SingleAsync(g => g.Id == id));
        var confirmed = await sup.PostFormAsync(url, url, new Dictionary<string, string> { ["contract"] = text, ["citizenDataConfirmed"] = "true" });
        var after = await site.WithScopeAsync((_, db) => db.Set<SupervisionGroup>().AsNoTracking().SingleAsync(g => g.Id == id));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", page);
        Assert.Contains("<mark", page);
        Assert.Contains($">{text}</textarea>", page);
        Assert.Equal(1, before.ContractVersion); // nothing saved
        Assert.NotEqual(text, before.Contract);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, after.ContractVersion);
        Assert.Equal(text, after.Contract);
    }

    [Fact]
    public async Task EvaluationComment_WithAPhoneNumber_WarnKeepTextSaveNothing_ConfirmSaves()
    {
        var (cohort, _, id, _) = await GroupAsync();
        var sessions = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).Select(s => s.Id).ToListAsync());
        await site.WithScopeAsync(async (_, db) =>
        {
            var six = sessions.Take(6).ToList();
            await db.Set<SupervisionSession>().Where(s => six.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Held));
        });
        var text = "Ring Gunnel Andersson i hemtjänsten på 070-123 45 67 om hon vill.";
        var answers = new Dictionary<string, string> { ["point"] = sessions[5].ToString(), ["space"] = "4", ["frame"] = "4", ["usefulness"] = "5", ["safety"] = "4", ["comment"] = text };
        var member = await AsAsync(site, cohort.Trainees[0]);
        var url = $"/supervision/{id}/evaluation";

        var warned = await member.PostFormAsync(url, url, answers);
        var page = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var before = await site.WithScopeAsync((_, db) => db.Set<Evaluation>().CountAsync(e => e.GroupId == id));
        var confirmed = await member.PostFormAsync(url, url, new Dictionary<string, string>(answers) { ["citizenDataConfirmed"] = "true" });
        var after = await site.WithScopeAsync((_, db) => db.Set<Evaluation>().CountAsync(e => e.GroupId == id));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", page);
        Assert.Contains("<mark", page);
        Assert.Contains($">{text}</textarea>", page); // what was typed stays
        Assert.Equal(0, before); // nothing saved
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task Evaluation_OneAnswerPerMember_AggregatesOnlyFromThreeAnswers_NeverWhoAnsweredWhat()
    {
        var (cohort, supervisor, id, _) = await GroupAsync();
        var sessions = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().Where(s => s.GroupId == id).OrderBy(s => s.StartsUtc).Select(s => s.Id).ToListAsync());
        await site.WithScopeAsync(async (_, db) =>
        {
            var six = sessions.Take(6).ToList();
            await db.Set<SupervisionSession>().Where(s => six.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Held));
        });
        var point = sessions[5].ToString();
        Dictionary<string, string> Answers(int v, string comment) => new() { ["point"] = point, ["space"] = v.ToString(), ["frame"] = "4", ["usefulness"] = "5", ["safety"] = v.ToString(), ["comment"] = comment };
        var sup = await AsAsync(site, supervisor);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var url = $"/supervision/{id}/evaluation";

        var members = new List<SiteClient>();
        foreach (var t in cohort.Trainees.Take(3))
        {
            members.Add(await AsAsync(site, t));
        }

        var invalid = await members[0].PostFormAsync(url, url, Answers(9, "Marker-typed"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Marker-typed", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await members[0].PostFormAsync(url, url, Answers(2, "Marker-c1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await members[1].PostFormAsync(url, url, Answers(3, ""))).StatusCode);
        var twice = await members[0].PostFormAsync(url, url, Answers(5, "again"));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        var hidden = WebUtility.HtmlDecode(await sup.GetStringAsync(url));
        Assert.Contains("Fewer than 3 answers", hidden);
        Assert.DoesNotContain("Marker-c1", hidden);

        Assert.Equal(HttpStatusCode.Redirect, (await members[2].PostFormAsync(url, url, Answers(4, "Marker-c3"))).StatusCode);
        foreach (var reader in new[] { sup, admin })
        {
            var shown = WebUtility.HtmlDecode(await reader.GetStringAsync(url));
            Assert.Contains("<dd>3.0</dd>", shown); // (2+3+4)/3
            Assert.Contains("Marker-c1", shown);
            Assert.DoesNotContain(cohort.Trainees[0].DisplayName + ":", shown);
            Assert.DoesNotContain(cohort.Trainees[0].Email!, shown);
        }

        var leaderClient = await AsAsync(site, cohort.Leader);
        Assert.Equal(HttpStatusCode.NotFound, (await leaderClient.GetAsync(url)).StatusCode);
        Assert.Equal(3, await site.WithScopeAsync((_, db) => db.Set<Evaluation>().CountAsync(e => e.GroupId == id)));
    }

    [Fact]
    public async Task PersonEvents_MemberAndSupervisor_SeeTheirSessions()
    {
        var (cohort, supervisor, id, _) = await GroupAsync();
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var (mine, sup, outsider) = await site.WithScopeAsync(async (sp, _) =>
        {
            var events = sp.GetServices<IPersonEvents>().Single(e => e.GetType().Name == "SupervisionEvents");
            return (await events.ForPersonAsync(cohort.Trainees[0].Id, now, now.AddYears(2)), await events.ForPersonAsync(supervisor.Id, now, now.AddYears(2)), await events.ForPersonAsync(cohort.Leader.Id, now, now.AddYears(2)));
        });

        var count = await site.WithScopeAsync((_, db) => db.Set<SupervisionSession>().CountAsync(s => s.GroupId == id));
        Assert.Equal(count, mine.Count);
        Assert.Equal(count, sup.Count);
        Assert.Empty(outsider);
        Assert.All(mine, e => Assert.Equal("supervision", e.Kind));
        Assert.StartsWith("supervision-session:", mine[0].Ref);
        Assert.StartsWith($"/supervision/{id}/sessions/", mine[0].Url);
    }
}

public sealed class SqliteSupervisionTests(ClockedSqliteSite site) : SupervisionTests<ClockedSqliteSite>(site);

public sealed class PostgresSupervisionTests(ClockedPostgresSite site) : SupervisionTests<ClockedPostgresSite>(site);
