using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.People.Services;

/// <summary>
/// People from a CSV (name, email, team, leader, language, roles). A dry run says what each row would
/// create or change and every row's errors; applying is all or nothing and only when no row has an
/// error. Rows are matched by e-mail, so importing the same file twice changes nothing.
/// </summary>
public sealed class PeopleImport(DbContext db, UserManager<AppUser> users, IEmailOutbox outbox, TimeProvider clock, IOptions<ProgrammeOptions> programme, ISessionRevoker sessions, INotifier notifier, IStringLocalizer<SharedText> T, IStringLocalizer<PeopleText> S)
{
    public static readonly string[] Columns = ["name", "email", "team", "leader", "language", "roles"];

    public const int MaxRows = 5000;

    /// <summary><paramref name="Roles"/> are the canonical role names; what matched none is in <paramref name="UnknownRoles"/>.</summary>
    private sealed record Parsed(int Line, string Name, string Email, string Team, string Leader, string Language, List<string> Roles, List<string> UnknownRoles);

    private sealed record Plan(PeopleImportResult Result, List<Parsed> Rows, Dictionary<string, AppUser> Existing, Dictionary<string, Team> Teams, Dictionary<Guid, List<string>> ExistingRoles);

    public async Task<PeopleImportResult> AnalyseAsync(string csv, Guid actorId, CancellationToken ct = default) => (await PlanAsync(csv, actorId, ct)).Result;

    private async Task<Plan> PlanAsync(string csv, Guid actorId, CancellationToken ct)
    {
        var empty = new Plan(new PeopleImportResult(null, []), [], [], [], []);
        var table = CsvReader.Parse(csv);
        if (table.Count == 0)
        {
            return empty with { Result = new PeopleImportResult(S["CsvEmpty"], []) };
        }

        var header = table[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Columns))
        {
            return empty with { Result = new PeopleImportResult(S["CsvColumns", string.Join(", ", Columns), string.Join(", ", header)], []) };
        }

        if (table.Count - 1 > MaxRows)
        {
            return empty with { Result = new PeopleImportResult(S["CsvTooManyRows", table.Count - 1, MaxRows], []) };
        }

        var rows = table.Skip(1).Select((r, i) => new Parsed(
            i + 2,
            Cell(r, 0), Cell(r, 1).ToLowerInvariant(), Cell(r, 2), Cell(r, 3).ToLowerInvariant(),
            Cell(r, 4) is { Length: > 0 } l ? l.ToLowerInvariant() : programme.Value.DefaultLanguage,
            [], [])).ToList();
        var names = RoleNames();
        foreach (var (row, cells) in rows.Zip(table.Skip(1)))
        {
            foreach (var cell in Cell(cells, 5).Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                (names.TryGetValue(cell, out var role) ? row.Roles : row.UnknownRoles).Add(role ?? cell);
            }
        }

        var emails = rows.Select(r => r.Email.ToUpperInvariant()).Concat(rows.Select(r => r.Leader.ToUpperInvariant())).Where(e => e.Length > 0).Distinct().ToList();
        var existing = await db.Set<AppUser>().Where(u => emails.Contains(u.NormalizedEmail!)).ToDictionaryAsync(u => u.NormalizedEmail!, ct);
        var ids = existing.Values.Select(u => u.Id).ToList();
        var existingRoles = (await (from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Set<AppRole>() on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct))
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).ToList());
        var teams = await db.Set<Team>().ToDictionaryAsync(x => x.Name.ToUpperInvariant(), ct);
        var leaderIds = teams.Values.Where(x => x.LeaderId != null).Select(x => x.LeaderId!.Value).ToList();
        var leaderEmails = await db.Set<AppUser>().Where(u => leaderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!.ToLowerInvariant(), ct);

        var seen = new HashSet<string>();
        var results = new List<ImportRow>();
        foreach (var row in rows)
        {
            var errors = new List<string>();
            if (row.Name.Length is 0 or > 200)
            {
                errors.Add(S["CsvName"]);
            }

            if (!new EmailAddressAttribute().IsValid(row.Email) || row.Email.Length is 0 or > 256)
            {
                errors.Add(S["CsvEmail", row.Email]);
            }
            else if (!seen.Add(row.Email))
            {
                errors.Add(S["CsvDuplicateEmail", row.Email]);
            }

            if (!ProgrammeOptions.IsSupported(row.Language))
            {
                errors.Add(S["CsvLanguage", row.Language]);
            }

            if (row.UnknownRoles.Count > 0 || row.Roles.Count == 0)
            {
                errors.Add(S["CsvRoles", string.Join(", ", row.UnknownRoles), string.Join(", ", Roles.All.Select(r => T["Role." + r].Value))]);
            }

            Team? team = null;
            if (row.Team.Length > 0 && !teams.TryGetValue(row.Team.ToUpperInvariant(), out team))
            {
                errors.Add(S["CsvUnknownTeam", row.Team]);
            }

            if (row.Leader.Length > 0)
            {
                var leaderKnown = existing.ContainsKey(row.Leader.ToUpperInvariant()) || rows.Any(r => r.Email == row.Leader && r.Roles.Contains(Roles.Leader, StringComparer.OrdinalIgnoreCase));
                if (team is null || !leaderKnown || (team.LeaderId is { } current && leaderEmails.GetValueOrDefault(current) != row.Leader))
                {
                    errors.Add(S["CsvLeader", row.Leader, row.Team]);
                }
            }

            if (errors.Count > 0)
            {
                results.Add(new ImportRow(row.Line, row.Name, row.Email, RowAction.Error, errors));
                continue;
            }

            var roles = Canonical(row.Roles);
            if (!existing.TryGetValue(row.Email.ToUpperInvariant(), out var user))
            {
                results.Add(new ImportRow(row.Line, row.Name, row.Email, RowAction.Create, [Shown(roles)]));
                continue;
            }

            var changes = new List<string>();
            if (user.DisplayName != row.Name)
            {
                changes.Add(S["ChangeName", user.DisplayName, row.Name]);
            }

            if (user.Language != row.Language)
            {
                changes.Add(S["ChangeLanguage", user.Language, row.Language]);
            }

            if (user.TeamId != team?.Id)
            {
                changes.Add(S["ChangeTeam", row.Team.Length > 0 ? row.Team : "-"]);
            }

            var had = existingRoles.GetValueOrDefault(user.Id) ?? [];
            if (user.Id == actorId && roles.Except(had).Any())
            {
                // Separation of duties (AccessGrants): an import cannot give its importer a role either.
                results.Add(new ImportRow(row.Line, row.Name, row.Email, RowAction.Error, [T["CannotGrantYourself"]]));
                continue;
            }

            if (!had.Order().SequenceEqual(roles.Order()))
            {
                changes.Add(S["ChangeRoles", Shown(had.Order()), Shown(roles)]);
            }

            if (team is { LeaderId: null } && row.Leader.Length > 0)
            {
                changes.Add(S["ChangeLeader", row.Team, row.Leader]);
            }

            results.Add(new ImportRow(row.Line, row.Name, row.Email, changes.Count > 0 ? RowAction.Update : RowAction.Unchanged, changes));
        }

        return new Plan(new PeopleImportResult(null, results), rows, existing, teams, existingRoles);
    }

    /// <summary>Applies the file if its dry run has no errors; returns the analysis either way.</summary>
    public async Task<PeopleImportResult> ApplyAsync(string csv, Guid actorId, Func<AppUser, string, string> resetLink, CancellationToken ct = default)
    {
        var plan = await PlanAsync(csv, actorId, ct);
        if (!plan.Result.CanApply)
        {
            return plan.Result;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var roleIds = await db.Set<AppRole>().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var byEmail = new Dictionary<string, AppUser>(plan.Existing);
        var created = new List<AppUser>();
        var rolesChanged = new List<Guid>();
        var granted = new List<(Guid UserId, string Role)>();
        foreach (var (row, result) in plan.Rows.Zip(plan.Result.Rows))
        {
            if (result.Action == RowAction.Unchanged)
            {
                continue;
            }

            var team = row.Team.Length > 0 ? plan.Teams[row.Team.ToUpperInvariant()] : null;
            var roles = Canonical(row.Roles);
            if (result.Action == RowAction.Create)
            {
                var user = new AppUser
                {
                    Id = Guid.NewGuid(), UserName = row.Email, NormalizedUserName = row.Email.ToUpperInvariant(), Email = row.Email, NormalizedEmail = row.Email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = row.Name, Language = row.Language, TeamId = team?.Id, SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, CreatedUtc = now,
                };
                db.Set<AppUser>().Add(user);
                db.Set<IdentityUserRole<Guid>>().AddRange(roles.Select(r => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[r] }));
                byEmail[user.NormalizedEmail] = user;
                created.Add(user);
                granted.AddRange(roles.Select(r => (user.Id, r)));
            }
            else
            {
                var user = plan.Existing[row.Email.ToUpperInvariant()];
                user.DisplayName = row.Name;
                user.Language = row.Language;
                user.TeamId = team?.Id;
                var had = plan.ExistingRoles.GetValueOrDefault(user.Id) ?? [];
                db.Set<IdentityUserRole<Guid>>().RemoveRange(had.Except(roles).Select(r => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[r] }));
                db.Set<IdentityUserRole<Guid>>().AddRange(roles.Except(had).Select(r => new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[r] }));
                if (!had.Order().SequenceEqual(roles))
                {
                    rolesChanged.Add(user.Id);
                    granted.AddRange(roles.Except(had).Select(r => (user.Id, r)));
                }
            }

            db.AddAudit(now, actorId, result.Action == RowAction.Create ? "people.imported" : "people.import-updated", row.Email, string.Join(",", roles));
        }

        foreach (var row in plan.Rows.Where(r => r.Leader.Length > 0 && r.Team.Length > 0))
        {
            var team = plan.Teams[row.Team.ToUpperInvariant()];
            team.LeaderId ??= byEmail[row.Leader.ToUpperInvariant()].Id;
        }

        await db.SaveChangesAsync(ct);
        foreach (var user in created)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            using (new CultureScope(user.Language))
            {
                await outbox.QueueAsync(new OutboundEmail(user.Email!, S["WelcomeMailSubject"], S["WelcomeMailBody", user.DisplayName, resetLink(user, token)]), ct);
            }
        }

        await AccessGrants.RolesGrantedAsync(db, notifier, T, granted, actorId, now, ct);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // New roles take effect at the next sign-in: open sessions of people whose roles changed end now.
        foreach (var userId in rolesChanged)
        {
            await sessions.RevokeAllAsync(userId, cancellationToken: ct);
        }

        return plan.Result;
    }

    private static List<string> Canonical(IEnumerable<string> roles) => roles.Distinct().Order().ToList();

    /// <summary>Roles as the reader's screens name them ("Participant", not the key "Trainee").</summary>
    private string Shown(IEnumerable<string> roles) => string.Join(", ", roles.Select(r => T["Role." + r].Value));

    /// <summary>
    /// A role may be written as the site shows it in any of its languages ("Participant", "Deltagare",
    /// "Deltager", "Osallistuja") or by its key ("Trainee"), in any case.
    /// </summary>
    private Dictionary<string, string> RoleNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in Roles.All)
        {
            names[role] = role;
            foreach (var language in ProgrammeOptions.Languages)
            {
                using (new CultureScope(language))
                {
                    names.TryAdd(T["Role." + role].Value.Trim(), role);
                }
            }
        }

        return names;
    }

    private static string Cell(string[] row, int index) => index < row.Length ? row[index].Trim() : "";
}
