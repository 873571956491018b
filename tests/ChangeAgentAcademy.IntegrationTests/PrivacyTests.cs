using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Services;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Data-subject rights end to end (#15), on SQLite and PostgreSQL: a person's export holds a marker from every
/// module and nobody else's text; after erasure the marker is in no text column of any table, while other people's
/// data and the counts are unchanged; retention deletes what the dry run listed; the refusals.
/// </summary>
public abstract partial class PrivacyTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static readonly string[] Modules = ["Account", "Cohorts", "Curriculum", "Notifications", "Reflections", "Supervision", "Workshops"];

    private static Task<SiteClient> AsAsync(SiteFactory site, AppUser person) => SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

    /// <summary>A person with something of theirs in every module, each text carrying "{tag}-{Module}".</summary>
    private async Task<AppUser> PersonWithDataAsync(string tag, string role = Roles.Trainee, Guid? teamId = null)
    {
        var person = await site.PersonAsync(role, teamId);
        var now = DateTime.UtcNow;
        await site.WithScopeAsync(async (_, db) =>
        {
            person.DisplayName = $"{tag}-Account";
            await db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, person.DisplayName));
            var cohort = new Cohort { Id = Guid.NewGuid(), Name = "Cohort " + Guid.NewGuid().ToString("N")[..6], StartDate = DateOnly.FromDateTime(now), Status = CohortStatus.Closed, CreatedUtc = now };
            db.Add(cohort);
            db.Add(new CohortMember { CohortId = cohort.Id, UserId = person.Id, Status = MemberStatus.Enrolled, EnrolledUtc = now, ChangedUtc = now });
            db.Add(new EnrolmentRequest { Id = Guid.NewGuid(), CohortId = cohort.Id, UserId = person.Id, Status = ChangeAgentAcademy.Cohorts.Data.RequestStatus.Approved, RequestedUtc = now, Message = $"{tag}-Cohorts" });
            db.Add(new LessonCompletion { UserId = person.Id, LessonKey = $"{tag}-Curriculum", CompletedUtc = now });
            // Already mailed: a pending notice is mailed by the minute's outbox drain (a real-time Hangfire job) whenever
            // the minute turns, which put the kept person's marker into notifications_outbox between the two snapshots
            // of Erasure_LeavesTheMarkerNowhere_AndOthersAndCountsUnchanged (seen under load, docs/TESTING.md).
            db.Add(new InboxItem { Id = Guid.NewGuid(), Key = "privacy-test:" + Guid.NewGuid(), UserId = person.Id, Subject = "s", Body = $"{tag}-Notifications", CreatedUtc = now, Mail = MailState.Mailed });
            var work = new AssignmentWork { ScheduledId = Random.Shared.NextInt64(1_000_000, long.MaxValue), CohortId = cohort.Id, UserId = person.Id, LessonKey = "m1/r", DueUtc = now, Draft = $"{tag}-Reflections draft", Versions = 1, ReleasedUtc = now };
            db.Add(work);
            db.Add(new PracticalLog { UserId = person.Id, Type = "pdsa", Title = $"{tag}-Reflections log", CreatedUtc = now, UpdatedUtc = now });
            var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Group " + Guid.NewGuid().ToString("N")[..6], SupervisorId = Guid.NewGuid(), Status = GroupStatus.Ended, Contract = "c", CreatedUtc = now };
            db.Add(group);
            db.Add(new GroupMember { GroupId = group.Id, UserId = person.Id, JoinedUtc = now });
            var meeting = new SupervisionSession { GroupId = group.Id, StartsUtc = now.AddDays(-7), EndsUtc = now.AddDays(-7).AddHours(1), NotesMarkdown = $"{tag}-Supervision notes", NotesBy = person.Id };
            db.Add(meeting);
            await db.SaveChangesAsync();
            db.Add(new Submission { WorkId = work.Id, Number = 1, Text = $"{tag}-Reflections version", SubmittedUtc = now, SubmitToken = Guid.NewGuid().ToString() });
            db.Add(new Attendance { SessionId = meeting.Id, UserId = person.Id, Present = true, RecordedUtc = now });
            db.Add(new Evaluation { GroupId = group.Id, SessionId = meeting.Id, UserId = person.Id, Space = 4, Frame = 4, Usefulness = 4, Safety = 4, Comment = $"{tag}-Supervision comment", CreatedUtc = now });
            var workshop = new WorkshopSession { Id = Guid.NewGuid(), Title = "Workshop " + Guid.NewGuid().ToString("N")[..6], Place = "Hall", StartsUtc = now.AddDays(-3), EndsUtc = now.AddDays(-3).AddHours(2), Status = WorkshopStatus.Held, CreatedUtc = now };
            db.Add(workshop);
            db.Add(new Booking { SessionId = workshop.Id, UserId = person.Id, Status = BookingStatus.Booked, BookedUtc = now, ChangedUtc = now });
            db.Add(new OnSiteRequest { Id = Guid.NewGuid(), LeaderId = person.Id, TeamId = Guid.NewGuid(), Participants = 5, Wishes = $"{tag}-Workshops", CreatedUtc = now });
            await db.SaveChangesAsync();
        });
        return person;
    }

    private static async Task<string> ZipTextAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append("== ").Append(entry.FullName).Append('\n').Append(await reader.ReadToEndAsync()).Append('\n');
        }

        return text.ToString();
    }

    private static async Task<HttpResponseMessage> DownloadOwnAsync(SiteClient client)
    {
        var page = await client.GetStringAsync("/account/data");
        var link = DownloadLink().Match(page);
        Assert.True(link.Success, "no download link on /account/data");
        var response = await client.GetAsync(link.Groups[0].Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>How many rows of any table hold <paramref name="marker"/> in any text column, by table.</summary>
    private async Task<Dictionary<string, int>> WhereIsAsync(string marker) => await site.WithScopeAsync(async (_, db) =>
    {
        var found = new Dictionary<string, int>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            foreach (var column in entity.GetProperties().Where(p => p.ClrType == typeof(string)).Select(p => p.GetColumnName()))
            {
                // Table and column names come from the EF model, not from input.
                var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" LIKE {0}";
                var count = await db.Database.SqlQueryRaw<int>(sql, $"%{marker}%").SingleAsync();
                if (count > 0)
                {
                    found[$"{table}.{column}"] = count;
                }
            }
        }

        return found;
    });

    private Task<int[]> CountsAsync() => site.WithScopeAsync(async (_, db) => new[]
    {
        await db.Set<CohortMember>().CountAsync(), await db.Set<LessonCompletion>().CountAsync(), await db.Set<AssignmentWork>().CountAsync(), await db.Set<Submission>().CountAsync(),
        await db.Set<GroupMember>().CountAsync(), await db.Set<Attendance>().CountAsync(), await db.Set<Evaluation>().CountAsync(), await db.Set<Booking>().CountAsync(),
        await db.Set<OnSiteRequest>().CountAsync(),
    });

    [Fact]
    public async Task Export_HoldsAMarkerFromEveryModule_AndOnlyTheOneWhoAskedDownloadsIt()
    {
        var anna = await PersonWithDataAsync("exp" + Guid.NewGuid().ToString("N")[..8]);
        var tag = anna.DisplayName.Replace("-Account", "", StringComparison.Ordinal);
        var bo = await PersonWithDataAsync("oth" + Guid.NewGuid().ToString("N")[..8]);
        var client = await AsAsync(site, anna);

        var asked = await client.PostFormAsync("/account/data", "/account/data/export", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var response = await DownloadOwnAsync(client);
        var text = await ZipTextAsync(response);

        foreach (var module in Modules)
        {
            Assert.Contains($"== {module}.json", text, StringComparison.Ordinal);
            Assert.Contains($"{tag}-{module}", text, StringComparison.Ordinal);
        }

        Assert.Contains("== summary.html", text, StringComparison.Ordinal);
        Assert.Contains("== Privacy.json", text, StringComparison.Ordinal);
        Assert.DoesNotContain(bo.DisplayName.Replace("-Account", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        var link = response.RequestMessage!.RequestUri!.PathAndQuery;
        var other = await AsAsync(site, bo);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/account/data/exports/{Guid.NewGuid()}")).StatusCode);
        Assert.True(await site.WithScopeAsync(async (_, db) => await db.Set<InboxItem>().AnyAsync(i => i.UserId == anna.Id && i.Key.StartsWith("privacy-export:"))), "a notice tells the person the export is ready");
    }

    [Fact]
    public async Task SummaryIsInThePersonsLanguage()
    {
        var person = await site.PersonAsync(Roles.Trainee, language: "sv");
        var client = await AsAsync(site, person);
        await client.PostFormAsync("/account/data", "/account/data/export", new Dictionary<string, string>());

        var text = await ZipTextAsync(await DownloadOwnAsync(client));

        Assert.Contains("<html lang=\"sv\">", text, StringComparison.Ordinal);
        Assert.Contains("Uppgifter om", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeadersExport_HoldsNoTeamReflections()
    {
        var leader = await site.PersonAsync(Roles.Leader);
        var team = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Teams.Add(new Team { Id = team, Name = "Team " + team.ToString("N")[..8], LeaderId = leader.Id, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var member = await PersonWithDataAsync("team" + Guid.NewGuid().ToString("N")[..8], teamId: team);
        var client = await AsAsync(site, leader);
        await client.PostFormAsync("/account/data", "/account/data/export", new Dictionary<string, string>());

        var text = await ZipTextAsync(await DownloadOwnAsync(client));

        Assert.DoesNotContain(member.DisplayName.Replace("-Account", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains(team.ToString("N")[..8], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_LeavesTheMarkerNowhere_AndOthersAndCountsUnchanged()
    {
        var anna = await PersonWithDataAsync("era" + Guid.NewGuid().ToString("N")[..8]);
        var tag = anna.DisplayName.Replace("-Account", "", StringComparison.Ordinal);
        var bo = await PersonWithDataAsync("kee" + Guid.NewGuid().ToString("N")[..8]);
        var keep = bo.DisplayName.Replace("-Account", "", StringComparison.Ordinal);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var annaClient = await AsAsync(site, anna);
        await annaClient.PostFormAsync("/account/data", "/account/data/export", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, (await annaClient.PostFormAsync("/account/data", "/account/data/erasure", new Dictionary<string, string> { ["confirmed"] = "true" })).StatusCode);
        Assert.NotEmpty(await WhereIsAsync(tag));
        var keptBefore = await WhereIsAsync(keep);
        // The reflection dispatcher releases what is due now, so the site's own run at the next minute finds nothing to
        // write between the two counts (its first run after the site's start writes the demo cohort's work items).
        await site.WithScopeAsync((sp, _) => sp.GetRequiredService<ChangeAgentAcademy.Reflections.Services.Dispatcher>().RunAsync());
        var before = await CountsAsync();

        var officerClient = await AsAsync(site, officer);
        var list = await officerClient.GetStringAsync("/privacy");
        Assert.Contains(anna.Email!, list, StringComparison.Ordinal);
        var confirm = await officerClient.GetStringAsync($"/privacy/people/{anna.Id}/erase");
        Assert.Contains("core_users", confirm, StringComparison.Ordinal);
        var erased = await officerClient.PostFormAsync($"/privacy/people/{anna.Id}/erase", $"/privacy/people/{anna.Id}/erase", new Dictionary<string, string> { ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        // The marker of Curriculum is the key of a lesson they completed: the completion stays (it counts), tied to nobody.
        Assert.Equal(["curriculum_completions.LessonKey"], (await WhereIsAsync(tag)).Keys);
        Assert.False(await site.WithScopeAsync(async (_, db) => await db.Set<LessonCompletion>().AnyAsync(c => c.UserId == anna.Id)));
        Assert.Empty(await WhereIsAsync(anna.Id.ToString()));
        Assert.Empty(await WhereIsAsync(anna.Email!));
        Assert.Equal(keptBefore, await WhereIsAsync(keep));
        Assert.Equal(before, await CountsAsync());
        // A revoked session ends on every node within a second (the generation poll).
        var signedOut = await annaClient.GetAsync("/account/data");
        for (var i = 0; i < 30 && signedOut.StatusCode != HttpStatusCode.Redirect; i++)
        {
            await Task.Delay(100);
            signedOut = await annaClient.GetAsync("/account/data");
        }

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/signin", signedOut.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        await site.WithScopeAsync(async (_, db) =>
        {
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "privacy.erased" && a.ActorId == officer.Id));
            Assert.Equal(ErasureStatus.Done, await db.Set<ErasureRequest>().Where(r => r.DecidedBy == officer.Id).Select(r => r.Status).SingleAsync());
            Assert.False(await db.Set<PrivacyExport>().AnyAsync(e => e.UserId == anna.Id));
        });
        Assert.Equal(HttpStatusCode.NotFound, (await officerClient.GetAsync($"/privacy/people/{anna.Id}/erase")).StatusCode);
    }

    /// <summary>
    /// A crash part-way (a provider that erases its part in its transaction, then throws): every provider before it has
    /// committed all of its part, the failing one none of it, the later ones nothing yet; the request is still waiting
    /// on the officer's list, and erasing again finishes the job (the marker nowhere, the request done).
    /// </summary>
    [Fact]
    public async Task Erasure_CrashPartWay_EachProviderAllOrNothing_RequestStaysWaiting_SecondRunFinishes()
    {
        var anna = await PersonWithDataAsync("cra" + Guid.NewGuid().ToString("N")[..8]);
        var tag = anna.DisplayName.Replace("-Account", "", StringComparison.Ordinal);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await (await AsAsync(site, anna)).PostFormAsync("/account/data", "/account/data/erasure", new Dictionary<string, string> { ["confirmed"] = "true" })).StatusCode);
        // The modules whose marker an erasure removes (Curriculum's is a lesson key that stays; Account's provider runs last).
        string[] marked = ["Cohorts", "Notifications", "Reflections", "Supervision", "Workshops"];

        var (order, failing, innerRan) = await site.WithScopeAsync(async (sp, db) =>
        {
            var providers = sp.GetServices<IPrivacyProvider>().ToList();
            // The second provider with a marker fails, so at least one has run (and committed) before it.
            var at = providers.Select((p, i) => (p, i)).Where(x => marked.Contains(x.p.Module)).Skip(1).First().i;
            var crashing = new CrashingProvider(db, providers[at]);
            var list = providers.Select((p, i) => i == at ? crashing : p).ToList();
            var service = ActivatorUtilities.CreateInstance<ErasureService>(sp, (IEnumerable<IPrivacyProvider>)list);
            await Assert.ThrowsAsync<InvalidOperationException>(() => service.EraseAsync(officer.Id, anna.Id));
            return (providers.Select(p => p.Module).ToList(), at, crashing.InnerRan);
        });

        Assert.True(innerRan); // the failing provider did erase inside its transaction before it threw
        foreach (var module in marked)
        {
            var left = await WhereIsAsync($"{tag}-{module}");
            var position = order.IndexOf(module);
            Assert.True(position < failing ? left.Count == 0 : left.Count > 0, $"{module} (provider {position}, failing {failing}): {string.Join(", ", left.Keys)}");
        }

        await site.WithScopeAsync(async (_, db) =>
        {
            Assert.True(await db.Users.AnyAsync(u => u.Id == anna.Id)); // the core's provider, last, never ran
            Assert.Equal(ErasureStatus.Erasing, await db.Set<ErasureRequest>().Where(r => r.UserId == anna.Id).Select(r => r.Status).SingleAsync());
            Assert.False(await db.Audit.AnyAsync(a => a.Action == "privacy.erased" && a.ActorId == officer.Id));
        });
        var officerClient = await AsAsync(site, officer);
        var queue = await officerClient.GetStringAsync("/privacy");
        Assert.Contains(anna.Email!, queue, StringComparison.Ordinal); // still open, to be run again
        Assert.Contains("Stopped part-way: erase again to finish", queue, StringComparison.Ordinal);

        var again = await officerClient.PostFormAsync($"/privacy/people/{anna.Id}/erase", $"/privacy/people/{anna.Id}/erase", new Dictionary<string, string> { ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["curriculum_completions.LessonKey"], (await WhereIsAsync(tag)).Keys);
        Assert.Empty(await WhereIsAsync(anna.Id.ToString()));
        await site.WithScopeAsync(async (_, db) =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == anna.Id));
            Assert.False(await db.Set<ErasureRequest>().AnyAsync(r => r.UserId == anna.Id));
            Assert.Equal(ErasureStatus.Done, await db.Set<ErasureRequest>().Where(r => r.DecidedBy == officer.Id).Select(r => r.Status).SingleAsync());
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "privacy.erased" && a.ActorId == officer.Id));
        });
    }

    /// <summary>
    /// An officer's erasure of someone who did not ask is journaled too: if the core's provider (last) has deleted the
    /// account and the run stops before closing, running it again finishes instead of answering 404.
    /// </summary>
    [Fact]
    public async Task Erasure_WithoutARequest_StoppedAfterTheAccountWentAway_IsFinishedByRunningAgain()
    {
        var bo = await PersonWithDataAsync("jou" + Guid.NewGuid().ToString("N")[..8]);
        var tag = bo.DisplayName.Replace("-Account", "", StringComparison.Ordinal);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);

        await site.WithScopeAsync(async (sp, db) =>
        {
            // Every provider runs; the audit entry at the end fails (a provider after the core's that throws stands for the crash).
            var list = sp.GetServices<IPrivacyProvider>().Append(new CrashingProvider(db, null)).ToList();
            var service = ActivatorUtilities.CreateInstance<ErasureService>(sp, (IEnumerable<IPrivacyProvider>)list);
            await Assert.ThrowsAsync<InvalidOperationException>(() => service.EraseAsync(officer.Id, bo.Id));
            Assert.False(await db.Users.AnyAsync(u => u.Id == bo.Id));
            Assert.Equal(ErasureStatus.Erasing, await db.Set<ErasureRequest>().Where(r => r.UserId == bo.Id).Select(r => r.Status).SingleAsync());
        });

        var again = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<ErasureService>().EraseAsync(officer.Id, bo.Id));
        var thirdTime = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<ErasureService>().EraseAsync(officer.Id, bo.Id));

        Assert.True(again.Ok);
        Assert.Equal(ResultStatus.NotFound, thirdTime.Status); // nothing left to finish
        Assert.Equal(["curriculum_completions.LessonKey"], (await WhereIsAsync(tag)).Keys);
        Assert.False(await site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().AnyAsync(r => r.UserId == bo.Id)));
    }

    /// <summary>Erases through <paramref name="inner"/> (if any) inside its own transaction, then throws: the transaction rolls back.</summary>
    private sealed class CrashingProvider(DbContext db, IPrivacyProvider? inner) : IPrivacyProvider
    {
        public bool InnerRan { get; private set; }

        public string Module => inner?.Module ?? "Crash";

        public IReadOnlyList<PersonalDataDeclaration> Declarations => inner?.Declarations ?? [];

        public Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default) => inner!.ExportAsync(personId, cancellationToken);

        public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
            inner?.HoldsAsync(personId, cancellationToken) ?? Task.FromResult<IReadOnlyList<ErasureHold>>([]);

        public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            if (inner is not null)
            {
                await inner.EraseAsync(personId, cancellationToken);
                InnerRan = true;
            }

            throw new InvalidOperationException("Crash in the middle of an erasure (test).");
        }

        public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) => inner!.ExpireAsync(run, cancellationToken);
    }

    [Fact]
    public async Task Refusals_NonOfficer403_Self_LastAdministrator_AndHolds()
    {
        var trainee = await site.PersonAsync(Roles.Trainee);
        var other = await site.PersonAsync(Roles.Trainee);
        var admin = await site.PersonAsync(Roles.Administrator);
        var client = await AsAsync(site, trainee);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/privacy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/privacy/people/{other.Id}/erase")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/account/data", $"/privacy/people/{other.Id}/erase", new Dictionary<string, string> { ["confirmed"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/account/data", $"/privacy/people/{other.Id}/export", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/privacy/retention")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/privacy/record")).StatusCode);

        var adminClient = await AsAsync(site, admin);
        var self = await adminClient.PostFormAsync("/privacy", $"/privacy/people/{admin.Id}/erase", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("You cannot erase yourself", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await site.WithScopeAsync(async (_, db) => await db.Users.AnyAsync(u => u.Id == admin.Id)));

        // The last administrator: with every other administrator's role gone (in a transaction rolled back after).
        var reasons = await site.WithScopeAsync(async (sp, db) =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var role = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync();
            await db.Set<IdentityUserRole<Guid>>().Where(r => r.RoleId == role && r.UserId != admin.Id).ExecuteDeleteAsync();
            var found = await sp.GetRequiredService<ErasureService>().RefusalsAsync(trainee.Id, admin.Id);
            await tx.RollbackAsync();
            return found;
        });
        Assert.Contains(reasons, r => r.Contains("last administrator", StringComparison.Ordinal));

        var supervised = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Open group " + Guid.NewGuid().ToString("N")[..6], SupervisorId = Guid.NewGuid(), Status = GroupStatus.Active, Contract = "c", ContractVersion = 1, CreatedUtc = DateTime.UtcNow };
            db.Add(group);
            db.Add(new GroupMember { GroupId = group.Id, UserId = supervised.Id, JoinedUtc = DateTime.UtcNow, AgreedContractVersion = 1, AgreedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        Assert.Contains("Open group", await adminClient.GetStringAsync($"/privacy/people/{supervised.Id}/erase"), StringComparison.Ordinal);
        var held = await adminClient.PostFormAsync("/privacy", $"/privacy/people/{supervised.Id}/erase", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.True(await site.WithScopeAsync(async (_, db) => await db.Users.AnyAsync(u => u.Id == supervised.Id)));
    }

    [Fact]
    public async Task ErasureRequest_IsOnePerPerson_UnderConcurrentRequests()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await AsAsync(site, person);
        var token = await client.TokenAsync("/account/data");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.Http.PostAsync("/account/data/erasure", new FormUrlEncodedContent(
            [new("confirmed", "true"), new("__RequestVerificationToken", token)]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().CountAsync(r => r.UserId == person.Id)));
    }

    [Fact]
    public async Task Retention_DeletesExactlyWhatTheDryRunListed()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        await site.WithScopeAsync(async (_, db) =>
        {
            var old = DateTime.UtcNow.AddYears(-3);
            db.Add(new InboxItem { Id = Guid.NewGuid(), Key = "privacy-old:" + Guid.NewGuid(), UserId = person.Id, Subject = "s", Body = "old", CreatedUtc = old });
            db.Add(new InboxItem { Id = Guid.NewGuid(), Key = "privacy-new:" + Guid.NewGuid(), UserId = person.Id, Subject = "s", Body = "new", CreatedUtc = DateTime.UtcNow });
            db.AddAudit(old, person.Id, "privacy.test-old", "x");
            await db.SaveChangesAsync();
        });
        var page = await (await AsAsync(site, officer)).GetStringAsync("/privacy/retention");
        Assert.Contains("InboxItem", page, StringComparison.Ordinal);

        var (dry, wet, again) = await site.WithScopeAsync(async (sp, _) =>
        {
            var retention = sp.GetRequiredService<RetentionService>();
            return (await retention.RunAsync(dryRun: true), await retention.RunAsync(dryRun: false), await retention.RunAsync(dryRun: true));
        });

        Assert.Equal(dry, wet);
        Assert.True(dry.Single(c => c.Entity == nameof(InboxItem)).Count >= 1);
        Assert.All(again, c => Assert.Equal(0, c.Count));
        await site.WithScopeAsync(async (_, db) =>
        {
            Assert.Equal(["new"], await db.Set<InboxItem>().Where(i => i.UserId == person.Id).Select(i => i.Body).ToListAsync());
            Assert.False(await db.Audit.AnyAsync(a => a.Action == "privacy.test-old"));
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "privacy.retention"));
        });
    }

    /// <summary>
    /// Unused accounts (<c>Privacy:Retention:InactiveAccounts</c>, 24 months by default): the dry run lists the one made
    /// 30 months ago that never signed in, not the one who signed in 3 months ago, the one enrolled in a running cohort,
    /// the one held by a running supervision contract, the administrator or the new one; the run erases exactly those
    /// listed, through every provider (the marker nowhere after).
    /// </summary>
    [Fact]
    public async Task InactiveAccounts_TheRunErasesExactlyWhatTheDryRunListed()
    {
        var now = DateTime.UtcNow;
        var old = now.AddMonths(-30);
        var unused = await PersonWithDataAsync("ina" + Guid.NewGuid().ToString("N")[..8]);
        var tag = unused.DisplayName.Replace("-Account", "", StringComparison.Ordinal);
        var signedIn = await site.PersonAsync(Roles.Trainee);
        var enrolled = await site.PersonAsync(Roles.Trainee);
        var held = await site.PersonAsync(Roles.Trainee);
        var admin = await site.PersonAsync(Roles.Administrator);
        var fresh = await site.PersonAsync(Roles.Trainee);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        Guid[] kept = [signedIn.Id, enrolled.Id, held.Id, admin.Id, fresh.Id];
        await site.WithScopeAsync(async (_, db) =>
        {
            Guid[] aged = [unused.Id, signedIn.Id, enrolled.Id, held.Id, admin.Id];
            await db.Users.Where(u => aged.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedUtc, old));
            db.AddAudit(now.AddMonths(-3), signedIn.Id, "account.signed-in", signedIn.Id.ToString());
            var cohort = new Cohort { Id = Guid.NewGuid(), Name = "Running " + Guid.NewGuid().ToString("N")[..6], StartDate = DateOnly.FromDateTime(now), Status = CohortStatus.Open, CreatedUtc = now };
            db.Add(cohort);
            db.Add(new CohortMember { CohortId = cohort.Id, UserId = enrolled.Id, Status = MemberStatus.Enrolled, EnrolledUtc = now, ChangedUtc = now });
            var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Held group " + Guid.NewGuid().ToString("N")[..6], SupervisorId = Guid.NewGuid(), Status = GroupStatus.Active, Contract = "c", ContractVersion = 1, CreatedUtc = now };
            db.Add(group);
            db.Add(new GroupMember { GroupId = group.Id, UserId = held.Id, JoinedUtc = now, AgreedContractVersion = 1, AgreedUtc = now });
            await db.SaveChangesAsync();
        });

        var listed = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<InactiveAccounts>().ListAsync(DateTime.UtcNow));
        var page = await (await AsAsync(site, officer)).GetStringAsync("/privacy/retention");
        var before = await site.WithScopeAsync((_, db) => db.Users.Select(u => u.Id).ToListAsync());
        var (dry, wet, again) = await site.WithScopeAsync(async (sp, _) =>
        {
            var retention = sp.GetRequiredService<RetentionService>();
            return (await retention.RunAsync(dryRun: true), await retention.RunAsync(dryRun: false), await retention.RunAsync(dryRun: true));
        });
        var after = await site.WithScopeAsync((_, db) => db.Users.Select(u => u.Id).ToListAsync());

        Assert.Contains(unused.Id, listed);
        Assert.DoesNotContain(listed, kept.Contains);
        Assert.Contains("InactiveAccounts", page, StringComparison.Ordinal);
        var row = dry.Single(c => c.Retention == InactiveAccounts.RetentionKey);
        Assert.Equal(listed.Count, row.Count);
        Assert.Equal(row, wet.Single(c => c.Retention == InactiveAccounts.RetentionKey));
        Assert.Equal(before.Except(listed).OrderBy(x => x), after.OrderBy(x => x)); // exactly the listed ones went
        Assert.Equal(0, again.Single(c => c.Retention == InactiveAccounts.RetentionKey).Count);
        Assert.Equal(["curriculum_completions.LessonKey"], (await WhereIsAsync(tag)).Keys); // erased through every provider
        Assert.True(await site.WithScopeAsync(async (_, db) => await db.Audit.AnyAsync(a => a.Action == "privacy.erased" && a.ActorId == null && a.Details!.Contains("InactiveAccounts"))));
    }

    [Fact]
    public async Task RecordOfProcessing_ListsEveryDeclaredTable()
    {
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var page = await (await AsAsync(site, officer)).GetStringAsync("/privacy/record");

        foreach (var table in new[] { "core_users", "core_audit", "cohorts_members", "reflections_submissions", "supervision_evaluations", "workshops_bookings", "notifications_inbox", "privacy_exports" })
        {
            Assert.Contains(table, page, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("/account/data/exports/[0-9a-f-]{36}")]
    private static partial Regex DownloadLink();
}

public sealed class SqlitePrivacyTests(FastSignInSqliteSite site) : PrivacyTests<FastSignInSqliteSite>(site);

public sealed class PostgresPrivacyTests(FastSignInPostgresSite site) : PrivacyTests<FastSignInPostgresSite>(site);
