using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChangeAgentAcademy.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Contexts kept for reuse (EF's default is 1,024): a request leases one instead of building a context and its services.</summary>
    public const int PoolSize = 1024;

    /// <remarks>
    /// Contexts are pooled (issue #18: building a context, its options and its internal services was about a tenth of a
    /// signed-in page's CPU). The options are built once, from the root provider: EF interceptors registered in DI
    /// (diagnostics, tests counting queries per page) must be singletons, and they are attached to every context.
    /// A leased context is reset when its request ends (tracked entities, transaction, timeouts), so nothing of one
    /// request reaches the next.
    /// Each provider's model is the compiled one in Data/CompiledModels/&lt;Provider&gt; (issue #18, cold start: building the
    /// model from every module's configuration took about 0.6 s of the first request). It is the model of every known
    /// module, enabled or not (<see cref="ModuleModelSource"/>), so it does not depend on the configuration.
    /// `tools/ef-optimize.sh` regenerates it after an entity or configuration change; CompiledModelTests fail until then.
    /// The design-time factories (migrations) build the model from the configurations as before.
    /// </remarks>
    public static IServiceCollection AddAcademyDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot, ModuleCatalog catalog)
    {
        services.AddSingleton(new ModuleModelSource(catalog.All));
        var connectionString = ConnectionString(options, contentRoot);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<SqliteAppDbContext>((sp, o) => ConfigureSqlite(o.AddInterceptors(sp.GetServices<IInterceptor>()).Compiled(SqliteAppDbContextModelInstance), connectionString), PoolSize);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                services.AddScoped<DbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<PostgresAppDbContext>((sp, o) => ConfigurePostgres(o.AddInterceptors(sp.GetServices<IInterceptor>()).Compiled(PostgresAppDbContextModelInstance), connectionString), PoolSize);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                services.AddScoped<DbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerAppDbContext>((sp, o) => ConfigureSqlServer(o.AddInterceptors(sp.GetServices<IInterceptor>()).Compiled(SqlServerAppDbContextModelInstance), connectionString), PoolSize);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                services.AddScoped<DbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        return services;
    }

#if NO_COMPILED_MODELS
    private static IModel? SqliteAppDbContextModelInstance => null;
    private static IModel? PostgresAppDbContextModelInstance => null;
    private static IModel? SqlServerAppDbContextModelInstance => null;
#else
    private static IModel? SqliteAppDbContextModelInstance => CompiledModels.Sqlite.SqliteAppDbContextModel.Instance;
    private static IModel? PostgresAppDbContextModelInstance => CompiledModels.Postgres.PostgresAppDbContextModel.Instance;
    private static IModel? SqlServerAppDbContextModelInstance => CompiledModels.SqlServer.SqlServerAppDbContextModel.Instance;
#endif

    private static DbContextOptionsBuilder Compiled(this DbContextOptionsBuilder o, IModel? model) => model is null ? o : o.UseModel(model);

    public static string ConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider is {options.Provider} but Database:ConnectionString is empty. Set it, or remove the provider to use the embedded SQLite database.");
        }

        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "academy.db")}";
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, s => s.MigrationsHistoryTable("core_migrations"));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string cs) =>
        o.UseNpgsql(cs, s => s.MigrationsHistoryTable("core_migrations"));

    internal static void ConfigureSqlServer(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlServer(cs, s => s.MigrationsHistoryTable("core_migrations"));
}
