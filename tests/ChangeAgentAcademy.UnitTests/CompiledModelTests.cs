using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Data.CompiledModels.Postgres;
using ChangeAgentAcademy.Web.Data.CompiledModels.Sqlite;
using ChangeAgentAcademy.Web.Data.CompiledModels.SqlServer;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>
/// The site runs on each provider's compiled model (src/ChangeAgentAcademy.Web/Data/CompiledModels, issue #18: cold
/// start), not on the model built from the entity configurations. These tests build the model the normal way and fail
/// when the compiled one has fallen behind: a property, column type, index, key, table name, query filter or converter
/// changed without regenerating it.
/// </summary>
public class CompiledModelTests
{
    public const string Regenerate =
        "The compiled EF Core model is out of date with the entity configurations. Regenerate every provider's model with "
        + "`tools/ef-optimize.sh` (from the repository root), then commit src/ChangeAgentAcademy.Web/Data/CompiledModels.";

    private static ModuleModelSource Modules() => new(ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()).All);

    public static TheoryData<string> Providers() => ["Sqlite", "PostgreSql", "SqlServer"];

    /// <summary>A context of the provider, on its compiled model or (null) on the model built from the configurations.</summary>
    internal static AppDbContext Context(string provider, bool compiled)
    {
        switch (provider)
        {
            case "Sqlite":
                var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
                DatabaseServiceCollectionExtensions.ConfigureSqlite(sqlite, "Data Source=:memory:");
                return new SqliteAppDbContext((compiled ? sqlite.UseModel(SqliteAppDbContextModel.Instance) : sqlite).Options, Modules());
            case "PostgreSql":
                var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
                DatabaseServiceCollectionExtensions.ConfigurePostgres(postgres, "Host=localhost;Database=x");
                return new PostgresAppDbContext((compiled ? postgres.UseModel(PostgresAppDbContextModel.Instance) : postgres).Options, Modules());
            default:
                var sqlServer = new DbContextOptionsBuilder<SqlServerAppDbContext>();
                DatabaseServiceCollectionExtensions.ConfigureSqlServer(sqlServer, "Server=localhost;Database=x;TrustServerCertificate=True");
                return new SqlServerAppDbContext((compiled ? sqlServer.UseModel(SqlServerAppDbContextModel.Instance) : sqlServer).Options, Modules());
        }
    }

    /// <summary>The site's contexts (as registered by the host) run on the compiled model of their provider.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", typeof(SqliteAppDbContextModel))]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=x", typeof(PostgresAppDbContextModel))]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=x;TrustServerCertificate=True", typeof(SqlServerAppDbContextModel))]
    public void TheSite_RunsOnTheCompiledModel(DatabaseProvider provider, string connectionString, Type model)
    {
        var services = new ServiceCollection();
        services.AddAcademyDatabase(
            new DatabaseOptions { Provider = provider, ConnectionString = connectionString },
            Path.GetTempPath(),
            ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()));
        using var site = services.BuildServiceProvider();
        using var scope = site.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.IsType(model, db.Model);
    }

    /// <summary>Tables, columns and their types, keys, indexes, foreign keys: what the database sees.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_HasTheSchemaOfTheConfigurations(string provider)
    {
        using var built = Context(provider, compiled: false);
        using var compiled = Context(provider, compiled: true);
        Assert.IsAssignableFrom<RuntimeModel>(compiled.Model);
        Assert.NotEqual(compiled.Model.GetType(), built.Model.GetType());

        // EF's migrations differ needs design-time models (a compiled model is read-optimized only), so both runtime
        // models' relational views are written out line by line and compared.
        var expected = Schema(built.Model.GetRelationalModel());
        var actual = Schema(compiled.Model.GetRelationalModel());

        Assert.True(expected.SequenceEqual(actual),
            $"{provider}: {Regenerate}\nIn the configurations, not in the compiled model:\n"
            + string.Join("\n", expected.Except(actual).Take(40))
            + "\nIn the compiled model, not in the configurations:\n"
            + string.Join("\n", actual.Except(expected).Take(40)));
    }

    /// <summary>
    /// Everything EF knows of the entities (also what the schema does not show: navigations, converters, query
    /// filters, delete behaviours, CLR types), as EF's own description of the model.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void CompiledModel_DescribesTheSameEntitiesAsTheConfigurations(string provider)
    {
        using var built = Context(provider, compiled: false);
        using var compiled = Context(provider, compiled: true);

        var expected = Lines(built.Model);
        var actual = Lines(compiled.Model);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.SequenceEqual(actual),
            $"{provider}: {Regenerate}\nIn the configurations, not in the compiled model:\n"
            + string.Join("\n", missing.Take(40))
            + "\nIn the compiled model, not in the configurations:\n"
            + string.Join("\n", extra.Take(40)));
    }

    /// <summary>
    /// EF's description of the model, then what it leaves out or names only by type: each property's converter and
    /// provider type, each entity's query filters with their expressions.
    /// </summary>
    private static List<string> Lines(IModel model)
    {
        var lines = model.ToDebugString(MetadataDebugStringOptions.LongDefault)
            .Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0)
            .ToList();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.AddRange(entity.GetDeclaredQueryFilters().Select(f => $"{entity.Name} query filter {f.Key}: {f.Expression}"));
            lines.AddRange(entity.GetDeclaredProperties().Select(p =>
                $"{entity.Name}.{p.Name} {p.ClrType.Name} stored as {TypeName(p.GetProviderClrType())} converter {TypeName(p.GetValueConverter()?.GetType())}"));
        }

        return lines;
    }

    private static string TypeName(Type? type) =>
        type is null ? "-" : type.IsGenericType ? $"{type.Name}[{string.Join(", ", type.GetGenericArguments().Select(TypeName))}]" : type.Name;

    /// <summary>One line per table, column (store type, nullability, default, computed), key, index and foreign key (a compiled model keeps no collations or check constraints: they matter to migrations only, which build the model from the configurations).</summary>
    private static List<string> Schema(IRelationalModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.Tables.OrderBy(t => t.SchemaQualifiedName, StringComparer.Ordinal))
        {
            var t = table.SchemaQualifiedName;
            lines.Add($"table {t} [{string.Join(", ", table.EntityTypeMappings.Select(m => m.TypeBase.Name).Order(StringComparer.Ordinal))}]");
            lines.AddRange(table.Columns.Select(c =>
                $"column {t}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} default={c.DefaultValueSql ?? c.DefaultValue} computed={c.ComputedColumnSql}"));
            lines.AddRange(table.UniqueConstraints.Select(k =>
                $"{(k.GetIsPrimaryKey() ? "primary key" : "unique")} {t}.{k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.Indexes.Select(i =>
                $"index {t}.{i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f =>
                $"foreign key {t}.{f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.SchemaQualifiedName} ({string.Join(", ", f.PrincipalColumns.Select(c => c.Name))}) on delete {f.OnDeleteAction}"));
        }

        lines.AddRange(model.Views.Select(v => $"view {v.SchemaQualifiedName}"));
        lines.AddRange(model.Sequences.Select(q => $"sequence {q.Name}"));
        return lines.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

}
