using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>
/// Each provider's migration set matches the model (a forgotten migration fails here), and the SQL
/// Server set turns into SQL (no SQL Server runs here, so this is its test).
/// </summary>
public class MigrationTests
{
    private static ModuleModelSource Modules() => new(ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()).All);

    public static TheoryData<string> Providers() => ["Sqlite", "PostgreSql", "SqlServer"];

    private static AppDbContext Context(string provider) => provider switch
    {
        "Sqlite" => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options, Modules()),
        "PostgreSql" => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=x").Options, Modules()),
        _ => new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=x;TrustServerCertificate=True").Options, Modules()),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_MatchTheModel(string provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes no migration covers; add one per provider.");
        Assert.True(db.Database.GetMigrations().Count() >= 3);
    }

    [Fact]
    public void SqlServerMigrations_GenerateSql()
    {
        using var db = Context("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [core_users]", script);
        Assert.Contains("CREATE TABLE [curriculum_lesson_versions]", script);
        Assert.Contains("CREATE TABLE [cohorts_requests]", script);
    }

    /// <summary>Migrations made before the rule (the first ones created several modules' tables at once).</summary>
    private const string RuleSince = "20261202130000";

    /// <summary>
    /// From now on a migration belongs to one module: every table it touches carries that module's prefix
    /// (<c>workshops_</c>) and its name starts with the module's name (<c>WorkshopsForeignKeys</c>), so each
    /// module's schema history can be read on its own.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryNewMigration_BelongsToOneModule(string provider)
    {
        using var db = Context(provider);
        var assembly = db.GetService<IMigrationsAssembly>();
        var checkedCount = 0;
        var wrong = new List<string>();
        foreach (var (id, type) in assembly.Migrations.Where(m => string.CompareOrdinal(m.Key, RuleSince) > 0))
        {
            checkedCount++;
            var migration = assembly.CreateMigration(type, db.Database.ProviderName!);
            var prefixes = Prefixes(migration.UpOperations.Concat(migration.DownOperations));
            var name = id[(id.IndexOf('_') + 1)..];
            if (prefixes.Count != 1 || !name.StartsWith(char.ToUpperInvariant(prefixes[0][0]) + prefixes[0][1..], StringComparison.Ordinal))
            {
                wrong.Add($"{id}: tables of {string.Join(", ", prefixes)}");
            }
        }

        Assert.True(checkedCount > 0, "no migration after the rule's date: the rule checks nothing");
        Assert.True(wrong.Count == 0, $"{provider}: each new migration must touch one module's tables and be named after it:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheModuleRule_SeesTwoModulesInOneMigration()
    {
        var operations = new MigrationOperation[]
        {
            new AddColumnOperation { Table = "workshops_sessions", Name = "Room", ClrType = typeof(string) },
            new CreateIndexOperation { Table = "cohorts_members", Name = "IX", Columns = ["UserId"] },
            new SqlOperation { Sql = "SELECT 1" },
        };

        Assert.Equal(["cohorts", "workshops"], Prefixes(operations));
    }

    /// <summary>The table prefixes (text before the first underscore) of every table the operations touch.</summary>
    private static List<string> Prefixes(IEnumerable<MigrationOperation> operations)
    {
        var tables = new List<string>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation create: tables.Add(create.Name); break;
                case DropTableOperation drop: tables.Add(drop.Name); break;
                case RenameTableOperation rename: tables.Add(rename.Name); tables.Add(rename.NewName ?? rename.Name); break;
                case AlterTableOperation alter: tables.Add(alter.Name); break;
                case ITableMigrationOperation table: tables.Add(table.Table); break;
            }

            if (operation is AddForeignKeyOperation foreignKey)
            {
                tables.Add(foreignKey.PrincipalTable);
            }
        }

        return tables.Select(t => t.Split('_')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Each module's entity is mapped by its own <c>IEntityTypeConfiguration</c> class in that module.</summary>
    [Fact]
    public void EveryModuleEntity_HasItsConfigurationClassInItsModule()
    {
        using var db = Context("Sqlite");
        // The core's entities (people, roles, teams, audit, sessions) are mapped by the host's context itself.
        var core = typeof(ChangeAgentAcademy.Modules.ModuleStartup).Assembly;
        var moduleEntities = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => t.Assembly != core && t.Assembly.GetName().Name!.StartsWith("ChangeAgentAcademy.", StringComparison.Ordinal))
            .ToList();
        var missing = moduleEntities
            .Where(t => !t.Assembly.GetTypes().Any(c => typeof(IEntityTypeConfiguration<>).MakeGenericType(t).IsAssignableFrom(c)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(moduleEntities.Count >= 30, $"only {moduleEntities.Count} module entities found");
        Assert.Empty(missing);
    }
}
