using ChangeAgentAcademy.Modules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// The one application database. The core owns people, roles, teams and the audit log; every module
/// adds its own tables (prefixed with its name) through <see cref="ModuleStartup.ConfigureModel"/>.
/// Each provider has a subclass so that each keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options, ModuleModelSource modules)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring, shared by every node: a cookie, form token or reset link made on one node is valid on all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.ToTable("core_users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Language).HasMaxLength(8);
            e.HasIndex(u => u.TeamId);
        });
        builder.Entity<AppRole>().ToTable("core_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("core_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("core_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("core_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("core_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("core_role_claims");

        builder.Entity<Team>(e =>
        {
            e.ToTable("core_teams");
            e.Property(t => t.Name).HasMaxLength(200);
            e.HasIndex(t => t.Name).IsUnique();
            e.HasIndex(t => t.LeaderId);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("core_audit");
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.Subject).HasMaxLength(200);
            // The audit page lists newest first by (AtUtc, Id) and pages by keyset on that pair; unfiltered, by a date
            // range, by person (actor or subject) and by action, each filter is then a range of one of these indexes read
            // in order, stopping after a page (CoreAuditPaging; bench/README.md has the numbers at 1,000,000 rows).
            e.HasIndex(a => new { a.AtUtc, a.Id });
            e.HasIndex(a => new { a.ActorId, a.AtUtc, a.Id });
            e.HasIndex(a => new { a.Subject, a.AtUtc, a.Id });
            e.HasIndex(a => new { a.Action, a.AtUtc, a.Id });
        });
        builder.Entity<UserSession>(e =>
        {
            e.ToTable("core_sessions");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Device).HasMaxLength(200);
            e.HasIndex(x => x.UserId);
        });
        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("core_data_protection_keys");
            e.Property(k => k.FriendlyName).HasMaxLength(100);
        });
        builder.Entity<SessionGeneration>(e =>
        {
            e.ToTable("core_session_generation");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasData(new SessionGeneration { Id = 1, Generation = 0 });
        });

        foreach (var module in modules.Modules)
        {
            module.ConfigureModel(builder);
        }
    }
}
