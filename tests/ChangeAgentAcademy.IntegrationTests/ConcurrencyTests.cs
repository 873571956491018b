using System.Collections.Concurrent;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Jobs;
using ChangeAgentAcademy.Notifications.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Races, each run <see cref="Rounds"/> times: two outbox drains (and two writers of the same mail key) at
/// once, and several enrolments, approvals or withdrawals for the same places at once. Each round's
/// problems are collected, so a failure says in how many rounds it happened. SQLite serialises writers;
/// PostgreSQL runs the transactions side by side, which is where the races showed.
/// </summary>
public abstract class ConcurrencyTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IRecordingSite
{
    private const int Rounds = 20;

    /// <summary>People made straight in the database (no password hashing): the rounds need many.</summary>
    private Task<List<AppUser>> PeopleAsync(int count, string role = Roles.Trainee, Guid? teamId = null) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
            var people = Enumerable.Range(0, count).Select(i =>
            {
                var email = $"race-{Guid.NewGuid():N}@test.local";
                return new AppUser
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = $"Racer {i}", Language = "en", TeamId = teamId, CreatedUtc = DateTime.UtcNow,
                };
            }).ToList();
            db.Users.AddRange(people);
            db.UserRoles.AddRange(people.Select(p => new IdentityUserRole<Guid> { UserId = p.Id, RoleId = roleId }));
            await db.SaveChangesAsync();
            return people;
        });

    private Task<Guid> AdministratorAsync() =>
        site.WithScopeAsync((_, db) => db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync());

    /// <summary>An open trainee cohort with <paramref name="capacity"/> places and these members already in it.</summary>
    private Task<Guid> CohortAsync(int capacity, params (AppUser Person, MemberStatus Status)[] members) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var id = Guid.NewGuid();
            var now = DateTime.UtcNow;
            db.Set<Cohort>().Add(new Cohort { Id = id, Name = "Race " + id.ToString("N")[..6], Track = CohortTrack.Trainee, Status = CohortStatus.Open, Capacity = capacity, StartDate = DateOnly.FromDateTime(now).AddDays(7), CreatedUtc = now });
            // Waiting-list order is EnrolledUtc: the members' order here.
            db.Set<CohortMember>().AddRange(members.Select((m, i) => new CohortMember { CohortId = id, UserId = m.Person.Id, Status = m.Status, EnrolledUtc = now.AddSeconds(i), ChangedUtc = now }));
            await db.SaveChangesAsync();
            return id;
        });

    private Task<List<CohortMember>> MembersAsync(Guid cohortId) =>
        site.WithScopeAsync((_, db) => db.Set<CohortMember>().AsNoTracking().Where(m => m.CohortId == cohortId).ToListAsync());

    private Task<List<string>> AuditAsync(Guid cohortId, string action) =>
        site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == cohortId.ToString() && a.Action == action).Select(a => a.Details ?? "").ToListAsync());

    private Task<List<string>> OutboxRecipientsAsync(IEnumerable<AppUser> people)
    {
        var emails = people.Select(p => p.Email!).ToList();
        return site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => emails.Contains(m.To)).Select(m => m.To).ToListAsync());
    }

    private Task<Result<Placements>> EnrolmentAsync(Func<EnrolmentService, Task<Result<Placements>>> work) =>
        site.WithScopeAsync((sp, _) => work(sp.GetRequiredService<EnrolmentService>()));

    /// <summary>Starts all the work together (released by one gate) and returns each result or the exception it threw.</summary>
    private static async Task<(List<T> Results, List<Exception> Errors)> AtOnceAsync<T>(IEnumerable<Func<Task<T>>> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = work.Select(w => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return (Result: await w(), Error: (Exception?)null);
            }
            catch (Exception e)
            {
                return (Result: default(T), Error: e);
            }
        })).ToList();
        gate.SetResult();
        var done = await Task.WhenAll(tasks);
        return (done.Where(d => d.Error is null).Select(d => d.Result!).ToList(), done.Where(d => d.Error is not null).Select(d => d.Error!).ToList());
    }

    /// <summary>Each problem reads "round N: …"; the message says how many of the rounds went wrong.</summary>
    private static void NoProblems(List<string> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Select(p => p.Split(':')[0]).Distinct().Count()} of {Rounds} rounds went wrong ({problems.Count} problems):\n" + string.Join("\n", problems.Take(20)));

    private static string Describe(Exception e) => e.GetType().Name + ": " + (e.InnerException?.Message ?? e.Message).Split('\n')[0];

    private Task<bool> DrainAsync() =>
        site.WithScopeAsync(async (sp, _) =>
        {
            await sp.GetRequiredService<OutboxDrainJob>().RunAsync(CancellationToken.None);
            return true;
        });

    /// <summary>A writer that queues keyed mail in its own transaction (as <see cref="IEmailOutbox"/> asks when two may race).</summary>
    private Task<bool> QueueKeyedAsync(string to, string key) =>
        site.WithScopeAsync(async (sp, db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<IEmailOutbox>().QueueAsync(new OutboundEmail(to, "Keyed", "Body", key));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return true;
        });

    [Fact]
    public async Task TwoDrainsAtOnce_WithNoticesDigestsAndKeyedWriters_EveryMailSentExactlyOnce()
    {
        // The demo's mail first: a drain sends at most a batch (50), oldest first, and the rounds count on theirs going out.
        for (var i = 0; i < 100 && await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().AnyAsync(m => m.SentUtc == null)); i++)
        {
            await DrainAsync();
        }

        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var immediate = await PeopleAsync(3);
            var digest = await PeopleAsync(2);
            await site.WithScopeAsync(async (sp, db) =>
            {
                db.Set<NotificationPreference>().AddRange(digest.Select(p => new NotificationPreference { UserId = p.Id, Mode = DeliveryMode.DailyDigest, ChangedUtc = DateTime.UtcNow }));
                var notifier = sp.GetRequiredService<INotifier>();
                foreach (var person in immediate.Concat(digest))
                {
                    for (var n = 0; n < 2; n++)
                    {
                        await notifier.NotifyAsync(new Notice($"race:{person.Id:N}:{n}", person.Id, $"Notice {n} of round {round}", "Something happened."));
                    }
                }

                await db.SaveChangesAsync();
            });
            var keyedTo = $"keyed-{Guid.NewGuid():N}@test.local";
            var key = "race:keyed:" + keyedTo;

            var (_, errors) = await AtOnceAsync<bool>([DrainAsync, DrainAsync, () => QueueKeyedAsync(keyedTo, key), () => QueueKeyedAsync(keyedTo, key)]);
            await DrainAsync(); // what the racing drains left (a keyed mail queued after their claim) goes now

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            var recipients = immediate.Concat(digest).Select(p => p.Email!).Append(keyedTo).ToList();
            var rows = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().AsNoTracking().Where(m => recipients.Contains(m.To)).ToListAsync());
            var sent = site.Sent.Where(m => recipients.Contains(m.To.Mailboxes.Single().Address)).ToList();
            foreach (var person in immediate)
            {
                var mine = sent.Count(m => m.To.Mailboxes.Single().Address == person.Email);
                if (mine != 2)
                {
                    problems.Add($"round {round}: a person mailed at once got {mine} mails for 2 notices");
                }
            }

            foreach (var person in digest)
            {
                var mine = sent.Where(m => m.To.Mailboxes.Single().Address == person.Email).ToList();
                if (mine.Count != 1 || mine[0].TextBody?.Contains("Notice 0 of round") != true || mine[0].TextBody?.Contains("Notice 1 of round") != true)
                {
                    problems.Add($"round {round}: a digest person got {mine.Count} digests (want one with both notices)");
                }
            }

            if (sent.Count(m => m.To.Mailboxes.Single().Address == keyedTo) != 1 || rows.Count(r => r.Key == key) != 1)
            {
                problems.Add($"round {round}: the keyed mail was queued {rows.Count(r => r.Key == key)} times and sent {sent.Count(m => m.To.Mailboxes.Single().Address == keyedTo)} times");
            }

            if (sent.Count != sent.Select(m => m.MessageId).Distinct().Count())
            {
                problems.Add($"round {round}: {sent.Count - sent.Select(m => m.MessageId).Distinct().Count()} outbox rows were sent twice");
            }

            if (rows.Count != 9 || rows.Any(r => r.SentUtc is null))
            {
                problems.Add($"round {round}: {rows.Count} outbox rows (want 9), {rows.Count(r => r.SentUtc is null)} unsent");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task LastPlace_ThreeEnrolmentsAtOnce_OneEnrolledTwoWaitlisted()
    {
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var people = await PeopleAsync(3);
            var cohort = await CohortAsync(1);

            var (outcomes, errors) = await AtOnceAsync(people.Select(p => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.EnrolAsync(cohort, [p.Id], admin, isAdministrator: true)))));
            var members = await MembersAsync(cohort);

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            problems.AddRange(outcomes.Where(o => !o.Ok).Select(o => $"round {round}: refused: {string.Join("; ", o.Errors)}"));
            var enrolled = members.Count(m => m.Status == MemberStatus.Enrolled);
            if (enrolled != 1 || members.Count(m => m.Status == MemberStatus.Waitlisted) != 2 || outcomes.Sum(o => o.Value.Enrolled) != 1)
            {
                problems.Add($"round {round}: {enrolled} enrolled in a 1-place cohort, {members.Count(m => m.Status == MemberStatus.Waitlisted)} waitlisted (service said {outcomes.Sum(o => o.Value.Enrolled)} enrolled)");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task SamePersonEnrolledTwiceAtOnce_OneEnrolment_OneMail()
    {
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var person = (await PeopleAsync(1))[0];
            var cohort = await CohortAsync(1);

            var (outcomes, errors) = await AtOnceAsync(Enumerable.Range(0, 2).Select(_ => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.EnrolAsync(cohort, [person.Id], admin, isAdministrator: true)))));
            var members = await MembersAsync(cohort);
            var audits = await AuditAsync(cohort, "cohorts.enrolled");
            var mails = await OutboxRecipientsAsync([person]);

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            if (outcomes.Count(o => o.Ok) != 1 || members.Count != 1 || members[0].Status != MemberStatus.Enrolled || audits.Count != 1 || mails.Count != 1)
            {
                problems.Add($"round {round}: {outcomes.Count(o => o.Ok)} accepted, member {string.Join(",", members.Select(m => m.Status))}, {audits.Count} audits, {mails.Count} mails (want 1 accepted, Enrolled, 1, 1)");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task SamePersonIntoTwoCohortsOfOneTrackAtOnce_OnePlace()
    {
        // Each enrolment locks its own cohort; only the person's row makes the two take turns.
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var person = (await PeopleAsync(1))[0];
            var first = await CohortAsync(5);
            var second = await CohortAsync(5);

            var (outcomes, errors) = await AtOnceAsync(new[] { first, second }.Select(c => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.EnrolAsync(c, [person.Id], admin, isAdministrator: true)))));
            var places = (await MembersAsync(first)).Concat(await MembersAsync(second)).Count(m => m.UserId == person.Id && m.Status != MemberStatus.Withdrawn);

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            if (places != 1 || outcomes.Count(o => o.Ok) != 1 || !outcomes.Any(o => o.Errors.Any(e => e.Contains("One cohort at a time", StringComparison.Ordinal))))
            {
                problems.Add($"round {round}: {places} places, {outcomes.Count(o => o.Ok)} accepted (want 1 and 1, the other refused with the one-cohort message)");
            }
        }

        NoProblems(problems);
    }

    private Task<List<Guid>> RequestsAsync(Guid cohort, IEnumerable<AppUser> people) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var requests = people.Select(p => new EnrolmentRequest { Id = Guid.NewGuid(), CohortId = cohort, UserId = p.Id, Status = RequestStatus.Pending, RequestedUtc = DateTime.UtcNow }).ToList();
            db.Set<EnrolmentRequest>().AddRange(requests);
            await db.SaveChangesAsync();
            return requests.Select(r => r.Id).ToList();
        });

    [Fact]
    public async Task LastPlace_ThreeApprovalsAtOnce_OneEnrolledTwoWaitlisted()
    {
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var people = await PeopleAsync(3);
            var cohort = await CohortAsync(1);
            var requests = await RequestsAsync(cohort, people);

            var (outcomes, errors) = await AtOnceAsync(requests.Select(r => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.DecideAsync(r, approve: true, null, admin, isAdministrator: true)))));
            var members = await MembersAsync(cohort);
            var approved = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().CountAsync(r => r.CohortId == cohort && r.Status == RequestStatus.Approved));

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            problems.AddRange(outcomes.Where(o => !o.Ok).Select(o => $"round {round}: refused: {string.Join("; ", o.Errors)}"));
            var enrolled = members.Count(m => m.Status == MemberStatus.Enrolled);
            if (enrolled != 1 || members.Count(m => m.Status == MemberStatus.Waitlisted) != 2 || approved != 3)
            {
                problems.Add($"round {round}: {enrolled} enrolled in a 1-place cohort, {members.Count(m => m.Status == MemberStatus.Waitlisted)} waitlisted, {approved} requests approved");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task SameRequestApprovedTwiceAtOnce_OneDecision_OneEnrolment()
    {
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var person = (await PeopleAsync(1))[0];
            var cohort = await CohortAsync(1);
            var request = (await RequestsAsync(cohort, [person]))[0];

            var (outcomes, errors) = await AtOnceAsync(Enumerable.Range(0, 2).Select(_ => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.DecideAsync(request, approve: true, null, admin, isAdministrator: true)))));
            var members = await MembersAsync(cohort);
            var audits = await AuditAsync(cohort, "cohorts.request-approved");
            var mails = await OutboxRecipientsAsync([person]);

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            if (outcomes.Count(o => o.Ok) != 1 || members.Count != 1 || members[0].Status != MemberStatus.Enrolled || audits.Count != 1 || mails.Count != 1)
            {
                problems.Add($"round {round}: {outcomes.Count(o => o.Ok)} approvals accepted, member {string.Join(",", members.Select(m => m.Status))}, {audits.Count} audits, {mails.Count} mails (want 1, Enrolled, 1, 1)");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task SamePersonRequestsTwiceAtOnce_OneOpenRequest_LeaderMailedOnce()
    {
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var leader = (await PeopleAsync(1, Roles.Leader))[0];
            var teamId = Guid.NewGuid();
            await site.WithScopeAsync(async (_, db) =>
            {
                db.Teams.Add(new Team { Id = teamId, Name = "Race team " + teamId.ToString("N")[..8], LeaderId = leader.Id, CreatedUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
            });
            var person = (await PeopleAsync(1, Roles.Trainee, teamId))[0];
            var cohort = await CohortAsync(1);

            var (outcomes, errors) = await AtOnceAsync(Enumerable.Range(0, 2).Select(_ => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.RequestAsync(cohort, person.Id)))));
            var open = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().CountAsync(r => r.CohortId == cohort && r.UserId == person.Id && r.Status == RequestStatus.Pending));
            var mails = await OutboxRecipientsAsync([leader]);

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            if (outcomes.Count(o => o.Ok) != 1 || open != 1 || mails.Count != 1)
            {
                problems.Add($"round {round}: {outcomes.Count(o => o.Ok)} requests accepted, {open} open, leader mailed {mails.Count} times (want 1, 1, 1)");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task TwoWithdrawalsAtOnce_PromoteTheNextTwo_EachOnce()
    {
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var people = await PeopleAsync(5);
            var cohort = await CohortAsync(2, (people[0], MemberStatus.Enrolled), (people[1], MemberStatus.Enrolled), (people[2], MemberStatus.Waitlisted), (people[3], MemberStatus.Waitlisted), (people[4], MemberStatus.Waitlisted));

            var (outcomes, errors) = await AtOnceAsync(people.Take(2).Select(p => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.WithdrawAsync(cohort, p.Id, admin, mayManageCohort: true)))));
            var members = (await MembersAsync(cohort)).ToDictionary(m => m.UserId, m => m.Status);
            var promoted = await AuditAsync(cohort, "cohorts.promoted");
            var mails = await OutboxRecipientsAsync(people.Skip(2));

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            problems.AddRange(outcomes.Where(o => !o.Ok).Select(o => $"round {round}: refused: {string.Join("; ", o.Errors)}"));
            var want = new[] { MemberStatus.Withdrawn, MemberStatus.Withdrawn, MemberStatus.Enrolled, MemberStatus.Enrolled, MemberStatus.Waitlisted };
            var got = people.Select(p => members[p.Id]).ToArray();
            if (!got.SequenceEqual(want) || promoted.Count != 2 || promoted.Distinct().Count() != 2 || mails.Count != 2 || mails.Distinct().Count() != 2)
            {
                problems.Add($"round {round}: statuses {string.Join(",", got)}, {promoted.Count} promotions of {promoted.Distinct().Count()} people, {mails.Count} promotion mails");
            }
        }

        NoProblems(problems);
    }

    [Fact]
    public async Task SamePersonWithdrawnTwiceAtOnce_OnePromotion()
    {
        var admin = await AdministratorAsync();
        var problems = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var people = await PeopleAsync(3);
            var cohort = await CohortAsync(1, (people[0], MemberStatus.Enrolled), (people[1], MemberStatus.Waitlisted), (people[2], MemberStatus.Waitlisted));

            var (outcomes, errors) = await AtOnceAsync(Enumerable.Range(0, 2).Select(_ => (Func<Task<Result<Placements>>>)(() => EnrolmentAsync(s => s.WithdrawAsync(cohort, people[0].Id, admin, mayManageCohort: true)))));
            var members = (await MembersAsync(cohort)).ToDictionary(m => m.UserId, m => m.Status);
            var promoted = await AuditAsync(cohort, "cohorts.promoted");
            var removed = await AuditAsync(cohort, "cohorts.removed");

            problems.AddRange(errors.Select(e => $"round {round}: {Describe(e)}"));
            var got = people.Select(p => members[p.Id]).ToArray();
            if (!got.SequenceEqual([MemberStatus.Withdrawn, MemberStatus.Enrolled, MemberStatus.Waitlisted]) || promoted.Count != 1 || removed.Count != 1 || outcomes.Count(o => o.Ok) != 1)
            {
                problems.Add($"round {round}: statuses {string.Join(",", got)}, {promoted.Count} promotions, {removed.Count} removals audited, {outcomes.Count(o => o.Ok)} accepted");
            }
        }

        NoProblems(problems);
    }
}

/// <summary>A clocked site (no job server: only the test's drains run) whose mail is recorded instead of written.</summary>
public interface IRecordingSite
{
    IReadOnlyCollection<MimeMessage> Sent { get; }
}

/// <summary>Keeps every message handed to it; a short pause per send keeps two drains' sends overlapping.</summary>
public sealed class RecordingTransport : IMailTransport
{
    public ConcurrentQueue<MimeMessage> Sent { get; } = new();

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(2, cancellationToken);
        Sent.Enqueue(message);
    }
}

public sealed class RaceSqliteSite : ClockedSqliteSite, IRecordingSite
{
    private readonly RecordingTransport transport = new();

    public IReadOnlyCollection<MimeMessage> Sent => transport.Sent;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IMailTransport>(transport);
    }
}

public sealed class RacePostgresSite : ClockedPostgresSite, IRecordingSite
{
    private readonly RecordingTransport transport = new();

    public IReadOnlyCollection<MimeMessage> Sent => transport.Sent;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IMailTransport>(transport);
    }
}

public sealed class SqliteConcurrencyTests(RaceSqliteSite site) : ConcurrencyTests<RaceSqliteSite>(site);

public sealed class PostgresConcurrencyTests(RacePostgresSite site) : ConcurrencyTests<RacePostgresSite>(site);
