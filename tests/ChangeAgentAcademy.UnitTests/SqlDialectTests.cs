using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Services;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>What is left of the dialect (which engine; ON CONFLICT or not), and the notices' ordered Guids that replaced its SQL spelling.</summary>
public sealed class SqlDialectTests
{
    [Fact]
    public void OnConflict_OnSqliteAndPostgres_NotOnSqlServer()
    {
        Assert.True(SqlDialect.For(SqlEngine.Sqlite).HasOnConflict);
        Assert.True(SqlDialect.For(SqlEngine.Postgres).HasOnConflict);
        Assert.False(SqlDialect.For(SqlEngine.SqlServer).HasOnConflict);
    }

    [Fact]
    public void SequentialGuids_InOrderAsEfSqliteTextAsUuidAndAsSqlServer_NewPrefixPerWrite()
    {
        var first = new SequentialGuids();
        var second = new SequentialGuids();
        var a = Enumerable.Range(0, 300).Select(_ => first.Next()).ToList();
        var b = Enumerable.Range(0, 300).Select(_ => second.Next()).ToList();

        var text = a.Select(g => g.ToString().ToUpperInvariant()).ToList(); // EF's SQLite Guid text
        Assert.Equal(text.Order(StringComparer.Ordinal), text); // index entries land in order
        Assert.Equal(a.Select(g => g.ToString()).Order(StringComparer.Ordinal), a.Select(g => g.ToString())); // PostgreSQL's uuid compares in this order
        Assert.Equal(a.Select(g => new System.Data.SqlTypes.SqlGuid(g)).Order(), a.Select(g => new System.Data.SqlTypes.SqlGuid(g))); // SQL Server's order
        Assert.Equal(600, a.Concat(b).Distinct().Count()); // no Guid twice, within or across writes
        Assert.EndsWith("-00000000012b", a[^1].ToString());
        Assert.NotEqual(a[0].ToString()[..24], b[0].ToString()[..24]);
    }
}
