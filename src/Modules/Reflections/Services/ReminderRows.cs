using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Writes the reminder rows of one kind for the work a query finds, in one <c>INSERT … SELECT … ON CONFLICT
/// DO NOTHING RETURNING</c> (SQLite and PostgreSQL): the work ids stay in the database, and the ids returned
/// are exactly the reminders this transaction made (another dispatcher's, written at the same moment, are
/// skipped by the key). The statement has no <c>NOT EXISTS</c> on the table it fills: PostgreSQL once
/// planned that as a scan of the statement's own new rows for every candidate (153 s for 100,000).
/// </summary>
internal static class ReminderRows
{
    public static async Task<List<long>> InsertAsync(DbContext db, IQueryable<long> workIds, ReminderKind kind, DateTime now, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Reminder))!;
        var tableName = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var quote = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => quote.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
        var (work, kindColumn, created) = (Column(nameof(Reminder.WorkId)), Column(nameof(Reminder.Kind)), Column(nameof(Reminder.CreatedUtc)));
        var kindValue = entity.FindProperty(nameof(Reminder.Kind))!.GetTypeMapping().Converter?.ConvertToProvider(kind) ?? kind;

        var source = EmbeddedQuery.Of(workIds);
        var statement = $"WITH src(id) AS ({source.Sql}) "
            + $"INSERT INTO {quote.DelimitIdentifier(tableName, entity.GetSchema())} ({work}, {kindColumn}, {created}) "
            + $"SELECT src.id, {source.Value(0)}, {source.Value(1)} FROM src WHERE 1 = 1 "
            + $"ON CONFLICT ({work}, {kindColumn}) DO NOTHING RETURNING {work} AS {quote.DelimitIdentifier("Value")}";
        return await db.Database.SqlQueryRaw<long>(statement, source.Arguments(kindValue, now)).ToListAsync(cancellationToken);
    }
}
