using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Demo;

/// <summary>
/// The roles, always; with demo mode, the demo people: an administrator, two trainers, two leaders each
/// with a team of six trainees. Idempotent: people and teams are matched by e-mail and name.
/// </summary>
internal sealed class CoreDataStep(AppDbContext db, RoleManager<AppRole> roles, IPasswordHasher<AppUser> hasher, TimeProvider clock) : IImportStep
{
    public int Order => 0;

    public static readonly IReadOnlyList<(string Team, string Leader)> Teams =
    [
        ("Solgården home care", "leader1@demo.local"),
        ("Rosenhaven care home", "leader2@demo.local"),
    ];

    // After Teams: static fields initialise in order.
    public static readonly IReadOnlyList<DemoPerson> People = BuildPeople();

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }

        if (!context.DemoMode)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var emails = People.Select(p => p.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail).ToListAsync(cancellationToken);
        var missing = People.Where(p => !existing.Contains(p.Email.ToUpperInvariant())).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        // One hash for the shared demo password: hashing it 17 times at 210,000 iterations costs seconds.
        var hash = hasher.HashPassword(new AppUser(), DemoOptions.Password);
        var users = new Dictionary<string, AppUser>();
        foreach (var person in People)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == person.Email.ToUpperInvariant(), cancellationToken);
            if (user is null)
            {
                user = new AppUser
                {
                    Id = Guid.NewGuid(),
                    UserName = person.Email,
                    NormalizedUserName = person.Email.ToUpperInvariant(),
                    Email = person.Email,
                    NormalizedEmail = person.Email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    DisplayName = person.Name,
                    Language = person.Language,
                    PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    LockoutEnabled = true,
                    CreatedUtc = now,
                };
                db.Users.Add(user);
                foreach (var role in person.Roles)
                {
                    db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[role] });
                }
            }

            users[person.Email] = user;
        }

        foreach (var (teamName, leaderEmail) in Teams)
        {
            var team = await db.Teams.FirstOrDefaultAsync(t => t.Name == teamName, cancellationToken);
            if (team is null)
            {
                team = new Team { Id = Guid.NewGuid(), Name = teamName, LeaderId = users[leaderEmail].Id, CreatedUtc = now };
                db.Teams.Add(team);
            }

            foreach (var person in People.Where(p => p.Team == teamName))
            {
                users[person.Email].TeamId ??= team.Id;
            }
        }

        db.AddAudit(now, null, "demo.seeded", "people", $"{missing.Count} demo people");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<DemoPerson> BuildPeople()
    {
        var people = new List<DemoPerson>
        {
            new("admin@demo.local", "Astrid Holm", "en", [Roles.Administrator], null),
            new("trainer1@demo.local", "Karin Lundqvist", "en", [Roles.Trainer], null),
            new("trainer2@demo.local", "Mikkel Sørensen", "en", [Roles.Trainer], null),
            new("leader1@demo.local", "Helena Berg", "en", [Roles.Leader], null),
            new("leader2@demo.local", "Jonas Nielsen", "en", [Roles.Leader], null),
        };
        string[] names =
        [
            "Sara Lindgren", "Ahmed Hassan", "Emma Johansson", "Pekka Virtanen", "Maria Andersson", "Oskar Nilsson",
            "Freja Madsen", "Lars Kristensen", "Aino Korhonen", "Mette Poulsen", "Noah Jensen", "Liisa Mäkinen",
        ];
        string[] languages = ["en", "en", "en", "en", "en", "sv", "en", "en", "en", "en", "da", "fi"];
        for (var i = 0; i < names.Length; i++)
        {
            people.Add(new($"trainee{i + 1}@demo.local", names[i], languages[i], [Roles.Trainee], i < 6 ? Teams[0].Team : Teams[1].Team));
        }

        return people;
    }
}
