using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
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
}
