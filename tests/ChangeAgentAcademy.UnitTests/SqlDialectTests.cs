using ChangeAgentAcademy.Data;
using Microsoft.Data.Sqlite;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The dialect's SQLite spellings, run on a real SQLite (PostgreSQL's run in the integration tests).</summary>
public sealed class SqlDialectTests
{
    private static readonly SqlDialect Sqlite = SqlDialect.For(SqlEngine.Sqlite);

    private static List<string> Column(string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [Fact]
    public void SequentialGuid_Sqlite_UpperCaseGuidsInSequenceOrder_NewPrefixPerStatement()
    {
        var numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) ";
        var first = Column(numbers + $"SELECT {Sqlite.SequentialGuid("i")} FROM n ORDER BY i");
        var second = Column(numbers + $"SELECT {Sqlite.SequentialGuid("i")} FROM n ORDER BY i");

        Assert.All(first, g => Assert.True(Guid.TryParse(g, out _), g));
        Assert.All(first, g => Assert.Equal(g.ToUpperInvariant(), g)); // EF's SQLite Guid text
        Assert.Equal(first.Order(StringComparer.Ordinal), first); // index entries land in order
        Assert.Equal(600, first.Concat(second).Distinct().Count()); // no Guid twice, within or across statements
        Assert.EndsWith("-00000000012C", first[^1]);
    }

    [Fact]
    public void MinuteOf_Sqlite_CutsEfDateTextToTheMinute()
    {
        // EF Core stores DateTime on SQLite as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
        Assert.Equal(["2027-03-02 06:59"], Column($"SELECT {Sqlite.MinuteOf("'2027-03-02 06:59:59.9999999'")}"));
        Assert.Equal(["2027-03-02 07:00"], Column($"SELECT {Sqlite.MinuteOf("'2027-03-02 07:00:00'")}"));
        Assert.Equal(SqlDialect.MinuteFormat.Length, "2027-03-02 07:00".Length);
    }

    [Fact]
    public void JsonRows_AndConcat_Sqlite_ReadTheParameterAsRows()
    {
        var rows = Column($"SELECT {Sqlite.Concat("t.k", "':'", "t.l", "':'", "42")} FROM ({Sqlite.JsonRows("'[{\"k\":\"a\",\"l\":\"sv\"},{\"k\":\"b\",\"l\":\"\"}]'", "k", "l")}) AS t ORDER BY t.k");
        Assert.Equal(["a:sv:42", "b::42"], rows);
    }

    [Fact]
    public void OtherEngines_SpellTheSameThingsTheirWay()
    {
        var postgres = SqlDialect.For(SqlEngine.Postgres);
        var sqlServer = SqlDialect.For(SqlEngine.SqlServer);
        Assert.Contains("AS uuid", postgres.SequentialGuid("x"));
        Assert.Contains("uniqueidentifier", sqlServer.SequentialGuid("x"));
        Assert.StartsWith("CONCAT(", sqlServer.Concat("a", "b"));
        Assert.True(postgres.HasOnConflict);
        Assert.False(sqlServer.HasOnConflict);
        Assert.Equal("", sqlServer.Materialized);
        Assert.Contains("OPENJSON", sqlServer.JsonRows("{0}", "k"));
    }
}
