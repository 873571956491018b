using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// <see cref="BulkInsert"/> on a small model of its own, on SQLite and PostgreSQL: the set-based path
/// each database gets and the plain EF path other providers get write the same rows EF reads back
/// (table and columns from the model, enums as text, Guids, dates, nulls, identity keys left to the
/// database) and skip the same conflicts.
/// </summary>
public abstract class BulkInsertTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : BulkDatabase
{
    public static TheoryData<bool> Paths => new() { true, false };

    private Task<int> InsertAsync<T>(BulkContext db, bool setBased, IEnumerable<T> rows, params string[] key) where T : class =>
        setBased ? db.InsertIgnoringConflictsAsync(rows, key) : db.AddIgnoringConflictsAsync(rows, key);

    private static Sample Make(string key, int i) => new()
    {
        Key = key,
        Owner = Guid.NewGuid(),
        State = i % 2 == 0 ? SampleState.Waiting : SampleState.Done,
        AtUtc = new DateTime(2027, 3, 2, 6, 59, 59, DateTimeKind.Utc).AddTicks(i * 1234560L), // whole microseconds: PostgreSQL keeps no finer
        Day = new DateOnly(2027, 3, 2).AddDays(i),
        Flag = i % 3 == 0,
        Count = i % 2 == 0 ? null : i,
        DoneUtc = i % 2 == 0 ? null : new DateTime(2027, 4, 1, 12, 0, 0, DateTimeKind.Utc),
        Note = i % 2 == 0 ? null : $"note {i} «åäö»",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Insert_RowsReadBackByEf_WithTheirValues_IdentityKeysFromTheDatabase(bool setBased)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(0, 5).Select(i => Make($"{prefix}-{i}", i)).ToList();
        await using var db = database.Context();

        var inserted = await InsertAsync(db, setBased, rows, nameof(Sample.Key));

        Assert.Equal(5, inserted);
        Assert.Empty(db.ChangeTracker.Entries());
        var stored = await db.Samples.AsNoTracking().Where(s => s.Key.StartsWith(prefix)).OrderBy(s => s.Key).ToListAsync();
        Assert.Equal(5, stored.Count);
        Assert.Equal(5, stored.Select(s => s.Id).Distinct().Count());
        Assert.All(stored, s => Assert.True(s.Id > 0));
        foreach (var (expected, actual) in rows.Zip(stored))
        {
            Assert.Equal(expected.Key, actual.Key);
            Assert.Equal(expected.Owner, actual.Owner);
            Assert.Equal(expected.State, actual.State);
            Assert.Equal(expected.AtUtc, actual.AtUtc);
            Assert.Equal(expected.Day, actual.Day);
            Assert.Equal(expected.Flag, actual.Flag);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.DoneUtc, actual.DoneUtc);
            Assert.Equal(expected.Note, actual.Note);
        }

        // EF's own queries find the values as it stores them (Guid text case, enum text, date text on SQLite).
        var first = rows[1];
        Assert.Equal(1, await db.Samples.CountAsync(s => s.Owner == first.Owner && s.State == SampleState.Done && s.Day == first.Day && s.DoneUtc == first.DoneUtc));
        Assert.Equal("Done", await db.Database.SqlQueryRaw<string>("SELECT \"State\" AS \"Value\" FROM \"bulk_samples\" WHERE \"Key\" = {0}", first.Key).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Insert_KeysThatExistOrComeTwice_AreSkipped_CountIsTheNewOnes(bool setBased)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        await using var db = database.Context();
        Assert.Equal(2, await InsertAsync(db, setBased, [Make($"{prefix}-a", 0), Make($"{prefix}-b", 1)], nameof(Sample.Key)));

        var again = await InsertAsync(db, setBased, [Make($"{prefix}-b", 2), Make($"{prefix}-c", 3), Make($"{prefix}-c", 4), Make($"{prefix}-a", 5)], nameof(Sample.Key));

        Assert.Equal(1, again);
        var stored = await db.Samples.AsNoTracking().Where(s => s.Key.StartsWith(prefix)).OrderBy(s => s.Key).ToListAsync();
        Assert.Equal([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"], stored.Select(s => s.Key));
        Assert.Equal([0, 1, 3], stored.Select(s => s.Day.DayNumber - new DateOnly(2027, 3, 2).DayNumber)); // the first writer of a key stays
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Insert_CompositeKey_SkipsOnlyTheWholeKey(bool setBased)
    {
        var person = Guid.NewGuid();
        var day = new DateOnly(2027, 5, 1);
        await using var db = database.Context();
        Assert.Equal(1, await InsertAsync(db, setBased, [new Pair { Person = person, Day = day, Waiting = 1 }], nameof(Pair.Person), nameof(Pair.Day)));

        var again = await InsertAsync(db, setBased,
            [new Pair { Person = person, Day = day, Waiting = 2 }, new Pair { Person = person, Day = day.AddDays(1), Waiting = 3 }, new Pair { Person = Guid.NewGuid(), Day = day, Waiting = 4 }],
            nameof(Pair.Person), nameof(Pair.Day));

        Assert.Equal(2, again);
        Assert.Equal([1, 3], await db.Pairs.Where(p => p.Person == person).OrderBy(p => p.Day).Select(p => p.Waiting).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Insert_InTheCallersTransaction_RolledBackWithIt(bool setBased)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        await using var db = database.Context();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(3, await InsertAsync(db, setBased, Enumerable.Range(0, 3).Select(i => Make($"{prefix}-{i}", i)), nameof(Sample.Key)));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await db.Samples.CountAsync(s => s.Key.StartsWith(prefix)));
    }

    [Fact]
    public async Task Insert_SetBased_ManyRows_AcrossStatementChunks_EachOnce()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        await using var db = database.Context();
        var rows = Enumerable.Range(0, 12_345).Select(i => Make($"{prefix}-{i:D5}", i % 1000)).ToList();

        Assert.Equal(12_345, await db.InsertIgnoringConflictsAsync(rows, [nameof(Sample.Key)]));
        Assert.Equal(0, await db.InsertIgnoringConflictsAsync(rows, [nameof(Sample.Key)]));
        Assert.Equal(12_345, await db.Samples.CountAsync(s => s.Key.StartsWith(prefix)));
    }

    [Fact]
    public async Task UnknownConflictProperty_IsRefusedBeforeAnythingIsWritten()
    {
        await using var db = database.Context();
        await Assert.ThrowsAsync<ArgumentException>(() => db.InsertIgnoringConflictsAsync([Make("x", 0)], ["NoSuchProperty"]));
    }
}

public enum SampleState
{
    Waiting,
    Done,
}

public class Sample
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public Guid Owner { get; set; }

    public SampleState State { get; set; }

    public DateTime AtUtc { get; set; }

    public DateOnly Day { get; set; }

    public bool Flag { get; set; }

    public int? Count { get; set; }

    public DateTime? DoneUtc { get; set; }

    public string? Note { get; set; }
}

public class Pair
{
    public Guid Person { get; set; }

    public DateOnly Day { get; set; }

    public int Waiting { get; set; }
}

/// <summary>A model of its own, mapped to table names unlike the class names, so the bulk insert must read them from the model.</summary>
public sealed class BulkContext(DbContextOptions<BulkContext> options) : DbContext(options)
{
    public DbSet<Sample> Samples => Set<Sample>();

    public DbSet<Pair> Pairs => Set<Pair>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Sample>(e =>
        {
            e.ToTable("bulk_samples");
            e.Property(x => x.Key).HasMaxLength(100);
            e.HasIndex(x => x.Key).IsUnique();
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Note).HasMaxLength(200);
        });
        modelBuilder.Entity<Pair>(e =>
        {
            e.ToTable("bulk_pairs");
            e.HasKey(x => new { x.Person, x.Day });
        });
    }
}

/// <summary>A private database with <see cref="BulkContext"/>'s tables.</summary>
public abstract class BulkDatabase : IAsyncLifetime
{
    protected abstract DbContextOptions<BulkContext> Options { get; }

    public BulkContext Context() => new(Options);

    public virtual async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteBulkDatabase : BulkDatabase
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "caa-tests", $"bulk-{Guid.NewGuid():N}.db");

    protected override DbContextOptions<BulkContext> Options => new DbContextOptionsBuilder<BulkContext>().UseSqlite($"Data Source={file}").Options;

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return base.InitializeAsync();
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }
}

public sealed class PostgresBulkDatabase : BulkDatabase
{
    private readonly string name = "caa_bulk_" + Guid.NewGuid().ToString("N")[..12];

    protected override DbContextOptions<BulkContext> Options =>
        new DbContextOptionsBuilder<BulkContext>().UseNpgsql(new NpgsqlConnectionStringBuilder(PostgresSite.AdminConnectionString) { Database = name }.ConnectionString).Options;

    public override async Task InitializeAsync()
    {
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresSite.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class SqliteBulkInsertTests(SqliteBulkDatabase database) : BulkInsertTests<SqliteBulkDatabase>(database);

public sealed class PostgresBulkInsertTests(PostgresBulkDatabase database) : BulkInsertTests<PostgresBulkDatabase>(database);
