using Microsoft.EntityFrameworkCore.Migrations;

namespace ChangeAgentAcademy.Web.Data;

/// <summary>
/// Before a migration adds a foreign key to a table that never had one: rows whose parent is gone (which no
/// page could reach) are deleted, so the constraint can be added on every database instead of failing the
/// upgrade on PostgreSQL and SQL Server, or being carried along unchecked by SQLite's table rebuild.
/// </summary>
public static class Orphans
{
    public static void Delete(MigrationBuilder migrationBuilder, string table, string column, string principalTable, string principalColumn)
    {
        // Standard SQL with double-quoted names: SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER on) all read it.
        migrationBuilder.Sql($"DELETE FROM \"{table}\" WHERE NOT EXISTS (SELECT 1 FROM \"{principalTable}\" AS p WHERE p.\"{principalColumn}\" = \"{table}\".\"{column}\");");
    }
}
