using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// Inserts many entities, skipping those whose conflict key (a unique index or the primary key) already
/// exists, on the context's connection and current transaction. EF Core has no set-based insert, and
/// tracking 100,000 entities costs seconds and hundreds of megabytes, so the two databases the tests run
/// get the fastest plain statement they have; any other provider (SQL Server, never run here) gets plain
/// EF Core (<see cref="AddIgnoringConflictsAsync"/>). Table, columns and value conversions (enums stored
/// as text, Guids, dates) come from the EF model, so a mapping is written once, in its module.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="rows"/> into <typeparamref name="TEntity"/>'s table and returns how many
    /// were new. <paramref name="conflictKey"/> names the properties of a unique key (e.g.
    /// <c>[nameof(Reminder.WorkId), nameof(Reminder.Kind)]</c>); a row whose key exists, or comes twice,
    /// is skipped, also when another transaction wrote it at the same moment (SQLite: one writer at a
    /// time; PostgreSQL: ON CONFLICT waits for the other transaction). Keys the database generates
    /// (identity columns) are left to it and not read back; the entities are not tracked.
    /// </summary>
    public static async Task<int> InsertIgnoringConflictsAsync<TEntity>(
        this DbContext db,
        IEnumerable<TEntity> rows,
        IReadOnlyList<string> conflictKey,
        CancellationToken cancellationToken = default)
        where TEntity : class
    {
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Sqlite", StringComparison.Ordinal))
        {
            return await SqliteAsync(db, Table.Of<TEntity>(db, conflictKey), rows, cancellationToken);
        }

        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            return await PostgresAsync(db, Table.Of<TEntity>(db, conflictKey), rows, cancellationToken);
        }

        return await AddIgnoringConflictsAsync(db, rows, conflictKey, cancellationToken);
    }

    /// <summary>
    /// The plain EF Core path, for providers without a tested set-based statement: per 1,000 rows, one
    /// query for the conflict keys that exist, then AddRange and SaveChanges for the rest (which also
    /// saves the context's other pending changes), then the new entities are detached again. A
    /// concurrent writer of the same key makes SaveChanges fail on the unique index (DbUpdateException)
    /// instead of writing twice. Public so the tests run it on SQLite and PostgreSQL.
    /// </summary>
    public static async Task<int> AddIgnoringConflictsAsync<TEntity>(
        this DbContext db,
        IEnumerable<TEntity> rows,
        IReadOnlyList<string> conflictKey,
        CancellationToken cancellationToken = default)
        where TEntity : class
    {
        var key = Table.Of<TEntity>(db, conflictKey).Key;
        var seen = new HashSet<object?[]>(KeyComparer.Instance);
        var inserted = 0;
        foreach (var chunk in rows.Chunk(1000))
        {
            var candidates = chunk.Where(r => seen.Add(KeyOf(key, r))).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var existing = await ExistingKeysAsync(db, key, candidates, cancellationToken);
            var fresh = candidates.Where(r => !existing.Contains(KeyOf(key, r))).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            db.Set<TEntity>().AddRange(fresh);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in fresh)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            inserted += fresh.Count;
        }

        return inserted;
    }

    /// <summary>
    /// SQLite: a prepared INSERT of <see cref="SqliteRowsPerStatement"/> rows, run again and again inside
    /// one transaction (the rest row by row). Parsing a 1,000-row VALUES statement with 8,000 parameters
    /// for every chunk cost SQLite far more than prepared steps; one statement of a few dozen rows,
    /// prepared once, saves most of the per-step cost. Values are written the way EF Core's SQLite provider
    /// stores them (Guid as upper-case text, dates as "yyyy-MM-dd HH:mm:ss.FFFFFFF", booleans as 0/1),
    /// after the model's converters.
    /// </summary>
    private static async Task<int> SqliteAsync<TEntity>(DbContext db, Table table, IEnumerable<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (table.Columns.All(c => SqliteJsonTypes.Contains(Nullable.GetUnderlyingType(c.ArrayElementType) ?? c.ArrayElementType)))
        {
            return await SqliteJsonAsync(db, table, rows, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var columns = table.Columns;
            var perStatement = Math.Max(1, Math.Min(SqliteRowsPerStatement, 900 / columns.Count));
            DbCommandAndParameters? many = null, one = null;
            var buffer = new TEntity[perStatement];
            var buffered = 0;
            var inserted = 0;
            foreach (var row in rows)
            {
                buffer[buffered++] = row;
                if (buffered == perStatement)
                {
                    many ??= SqliteCommand(db, table, perStatement);
                    inserted += await many.ExecuteAsync(buffer, 0, perStatement, cancellationToken);
                    buffered = 0;
                }
            }

            for (var r = 0; r < buffered; r++)
            {
                one ??= SqliteCommand(db, table, 1);
                inserted += await one.ExecuteAsync(buffer, r, 1, cancellationToken);
            }

            if (many is not null)
            {
                await many.Command.DisposeAsync();
            }

            if (one is not null)
            {
                await one.Command.DisposeAsync();
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
                await own.DisposeAsync();
            }

            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Stored value types that travel as JSON unchanged (<see cref="SqliteValue"/> turns the first ones into text).</summary>
    private static readonly HashSet<Type> SqliteJsonTypes =
        [typeof(string), typeof(Guid), typeof(DateTime), typeof(DateOnly), typeof(bool), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(double)];

    /// <summary>Rows per SQLite statement when the rows travel as one JSON parameter.</summary>
    private const int SqliteJsonRowsPerStatement = 10_000;

    /// <summary>
    /// SQLite, when every column holds text, a number or a boolean: per <see cref="SqliteJsonRowsPerStatement"/>
    /// rows one statement, the rows as one JSON array parameter read by <c>json_each</c>, each value written
    /// as <see cref="SqliteValue"/> writes it. For 100,000 reminder rows this took 0.3 s where the prepared
    /// 50-row statement, bound 2,000 times with 150 boxed values each, took about 2 s of .NET and SQLite.
    /// "WHERE 1 = 1" keeps SQLite from reading ON CONFLICT as part of the FROM clause; ORDER BY keeps the
    /// caller's order, so the first of two rows with one key is the one kept.
    /// </summary>
    private static async Task<int> SqliteJsonAsync<TEntity>(DbContext db, Table table, IEnumerable<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        var columns = table.Columns;
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) "
            + $"SELECT {string.Join(", ", columns.Select((_, i) => $"json_extract(value, '$[{i}]')"))} FROM json_each({{0}}) WHERE 1 = 1 ORDER BY key "
            + $"ON CONFLICT ({string.Join(", ", table.Key.Select(c => c.Name))}) DO NOTHING";
        var inserted = 0;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        foreach (var chunk in rows.Chunk(SqliteJsonRowsPerStatement))
        {
            buffer.ResetWrittenCount();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                foreach (var row in chunk)
                {
                    json.WriteStartArray();
                    foreach (var column in columns)
                    {
                        WriteJson(json, SqliteValue(column.Read(row)));
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            var parameter = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            inserted += await db.Database.ExecuteSqlRawAsync(sql, [parameter], cancellationToken);
        }

        return inserted;
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case DBNull:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case int n:
                json.WriteNumberValue(n);
                break;
            case long n:
                json.WriteNumberValue(n);
                break;
            case short n:
                json.WriteNumberValue(n);
                break;
            case byte n:
                json.WriteNumberValue(n);
                break;
            case double n:
                json.WriteNumberValue(n);
                break;
            default:
                throw new InvalidOperationException($"No JSON form for a stored {value.GetType().Name}.");
        }
    }

    /// <summary>Rows per prepared SQLite INSERT (fewer when the rows are wide).</summary>
    private const int SqliteRowsPerStatement = 50;

    private static DbCommandAndParameters SqliteCommand(DbContext db, Table table, int rows)
    {
        var columns = table.Columns;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, c) => $"$p{(r * columns.Count) + c}")) + ")"));
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES {values} "
            + $"ON CONFLICT ({string.Join(", ", table.Key.Select(c => c.Name))}) DO NOTHING";
        var parameters = new System.Data.Common.DbParameter[rows * columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "$p" + i;
            command.Parameters.Add(parameters[i]);
        }

        return new DbCommandAndParameters(command, parameters, columns);
    }

    private sealed record DbCommandAndParameters(System.Data.Common.DbCommand Command, System.Data.Common.DbParameter[] Parameters, IReadOnlyList<Column> Columns)
    {
        public Task<int> ExecuteAsync(object[] rows, int offset, int count, CancellationToken cancellationToken)
        {
            var p = 0;
            for (var r = offset; r < offset + count; r++)
            {
                for (var c = 0; c < Columns.Count; c++)
                {
                    Parameters[p++].Value = SqliteValue(Columns[c].Read(rows[r]));
                }
            }

            return Command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => string.Create(36, g, static (text, guid) =>
        {
            guid.TryFormat(text, out _);
            for (var i = 0; i < text.Length; i++)
            {
                text[i] = char.ToUpperInvariant(text[i]);
            }
        }),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    /// <summary>PostgreSQL: one statement per 5,000 rows, each column sent as one typed array (cast to the column's type) and unnested.</summary>
    private static async Task<int> PostgresAsync<TEntity>(DbContext db, Table table, IEnumerable<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        var columns = table.Columns;
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) "
            + $"SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"CAST({{{i}}} AS {c.StoreType}[])"))}) "
            + $"ON CONFLICT ({string.Join(", ", table.Key.Select(c => c.Name))}) DO NOTHING";
        var inserted = 0;
        foreach (var chunk in rows.Chunk(5000))
        {
            var arrays = new object[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var array = Array.CreateInstance(columns[c].ArrayElementType, chunk.Length);
                for (var r = 0; r < chunk.Length; r++)
                {
                    array.SetValue(columns[c].Read(chunk[r]), r);
                }

                arrays[c] = array;
            }

            inserted += await db.Database.ExecuteSqlRawAsync(sql, arrays, cancellationToken);
        }

        return inserted;
    }

    private static object?[] KeyOf(IReadOnlyList<Column> key, object row) => key.Select(c => c.Getter.GetClrValueUsingContainingEntity(row)).ToArray();

    /// <summary>Which of the rows' conflict keys the table holds: filtered in the database on the key's first property, compared whole here.</summary>
    private static async Task<HashSet<object?[]>> ExistingKeysAsync<TEntity>(DbContext db, IReadOnlyList<Column> key, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        var first = key[0].Property;
        var values = typeof(BulkInsert).GetMethod(nameof(TypedList), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(first.ClrType).Invoke(null, [rows.Select(r => key[0].Getter.GetClrValueUsingContainingEntity(r)).Distinct()])!;
        var entity = Expression.Parameter(typeof(TEntity), "e");
        Expression PropertyOf(IProperty property) =>
            Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], entity, Expression.Constant(property.Name));
        var filter = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [first.ClrType], Expression.Constant(values), PropertyOf(first)), entity);
        var projection = Expression.Lambda<Func<TEntity, object?[]>>(
            Expression.NewArrayInit(typeof(object), key.Select(c => Expression.Convert(PropertyOf(c.Property), typeof(object)))), entity);
        var found = await db.Set<TEntity>().AsNoTracking().Where(filter).Select(projection).ToListAsync(cancellationToken);
        return found.ToHashSet(KeyComparer.Instance);
    }

    private static List<T> TypedList<T>(IEnumerable<object?> values) => values.Cast<T>().ToList();

    private sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => x!.Length == y!.Length && x.Zip(y).All(p => Equals(p.First, p.Second));

        public int GetHashCode(object?[] key)
        {
            var hash = new HashCode();
            foreach (var part in key)
            {
                hash.Add(part);
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>One column as the model maps it: its quoted name, store type and how a property value becomes the stored value.</summary>
    private sealed class Column(IProperty property, string name, string storeType)
    {
        private readonly ValueConverter? converter = property.GetTypeMapping().Converter;

        public IProperty Property { get; } = property;

        public string Name { get; } = name;

        public string StoreType { get; } = storeType;

        public IClrPropertyGetter Getter { get; } = property.GetGetter();

        /// <summary>The CLR type of the stored value (after the converter), nullable where the column is.</summary>
        public Type ArrayElementType
        {
            get
            {
                var type = converter?.ProviderClrType ?? Property.ClrType;
                type = Nullable.GetUnderlyingType(type) ?? type;
                return type.IsValueType && Property.IsNullable ? typeof(Nullable<>).MakeGenericType(type) : type;
            }
        }

        public object? Read(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }

    /// <summary>The entity's table and the columns an INSERT writes, read from the EF model.</summary>
    private sealed class Table
    {
        private Table(string name, IReadOnlyList<Column> columns, IReadOnlyList<Column> key)
        {
            Name = name;
            Columns = columns;
            Key = key;
        }

        /// <summary>Quoted (and schema-qualified where mapped to a schema) the provider's way.</summary>
        public string Name { get; }

        public IReadOnlyList<Column> Columns { get; }

        public IReadOnlyList<Column> Key { get; }

        public static Table Of<TEntity>(DbContext db, IReadOnlyList<string> conflictKey)
        {
            var entityType = db.Model.FindEntityType(typeof(TEntity))
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of this context.");
            var tableName = entityType.GetTableName()
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
            var schema = entityType.GetSchema();
            var store = StoreObjectIdentifier.Table(tableName, schema);
            var sql = db.GetService<ISqlGenerationHelper>();
            var generators = db.GetService<IValueGeneratorSelector>();
            Column ColumnOf(IProperty property) => new(property, sql.DelimitIdentifier(property.GetColumnName(store)!), property.GetColumnType(store));

            if (conflictKey.Count == 0)
            {
                throw new ArgumentException("A conflict key needs at least one property.", nameof(conflictKey));
            }

            var key = conflictKey.Select(name => entityType.FindProperty(name)
                ?? throw new ArgumentException($"{typeof(TEntity).Name} has no property {name}.", nameof(conflictKey))).Select(ColumnOf).ToList();
            var columns = entityType.GetProperties()
                .Where(p => !p.IsShadowProperty() && p.GetColumnName(store) is not null && !StoreGenerated(p, entityType, generators))
                .Select(ColumnOf)
                .ToList();
            return new Table(sql.DelimitIdentifier(tableName, schema), columns, key);
        }

        /// <summary>
        /// Whether the database writes the column itself: computed columns, row versions, and keys whose
        /// value EF would take from the database (identity: a temporary value until saved). A Guid key EF
        /// makes on the client is written like any other value (the caller sets it).
        /// </summary>
        private static bool StoreGenerated(IProperty property, IEntityType entityType, IValueGeneratorSelector generators)
        {
            if (property.GetComputedColumnSql() is not null || property.ValueGenerated.HasFlag(ValueGenerated.OnUpdate))
            {
                return true;
            }

            if (property.ValueGenerated != ValueGenerated.OnAdd || !property.IsPrimaryKey())
            {
                return false;
            }

            return !generators.TrySelect(property, entityType, out var generator) || generator is null || generator.GeneratesTemporaryValues;
        }
    }
}
