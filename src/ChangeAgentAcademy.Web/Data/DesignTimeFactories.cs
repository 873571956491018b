using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChangeAgentAcademy.Web.Data;

// Used only by `dotnet ef migrations add`: every module's model, with a placeholder connection.
internal static class DesignTime
{
    public static ModuleModelSource Modules() =>
        new(ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()).All);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlite(o, "Data Source=design.db");
        return new SqliteAppDbContext(o.Options, DesignTime.Modules());
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(o, "Host=localhost;Database=design");
        return new PostgresAppDbContext(o.Options, DesignTime.Modules());
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqlServerAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigureSqlServer(o, "Server=localhost;Database=design;TrustServerCertificate=True");
        return new SqlServerAppDbContext(o.Options, DesignTime.Modules());
    }
}
