using System.Text.Json;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>
/// The inbox's fastest path (<see cref="INotifier.NotifyFromQueryAsync"/>): the caller's typed query, as EF
/// translates it, becomes the source of one <c>INSERT … SELECT</c> into the inbox, joined to the few texts,
/// which travel as one JSON parameter (SQLite) or three arrays (PostgreSQL). Ids are Guids whose last 12
/// hex digits count the rows in person order, so the primary key and the person index both grow at one end.
/// Table and columns come from the EF model; the caller's tables stay the caller's (EF wrote that SQL).
/// </summary>
internal static class QueryInsert
{
    public static async Task<int> InsertAsync(DbContext db, SqlEngine engine, IQueryable<NoticeSource> notices, IReadOnlyDictionary<string, (string Subject, string Body)> texts, DateTime now, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(InboxItem))!;
        var tableName = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var quote = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => quote.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
        var table = quote.DelimitIdentifier(tableName, entity.GetSchema());
        var columns = string.Join(", ", new[] { nameof(InboxItem.Id), nameof(InboxItem.Key), nameof(InboxItem.UserId), nameof(InboxItem.Subject), nameof(InboxItem.Body), nameof(InboxItem.Url), nameof(InboxItem.CreatedUtc), nameof(InboxItem.Mail) }.Select(Column));
        var mail = entity.FindProperty(nameof(InboxItem.Mail))!.GetTypeMapping().Converter?.ConvertToProvider(MailState.Pending) ?? MailState.Pending;

        // Positional: the CTE's column list names what this projection puts first, second, …
        var source = EmbeddedQuery.Of(notices.Select(n => new { n.Key, n.PersonId, n.TextKey, n.Url }));
        var prefix = Guid.NewGuid().ToString("D").ToUpperInvariant()[..24]; // "XXXXXXXX-XXXX-4XXX-XXXX-": our own hex, safe to inline
        var keys = texts.Keys.ToArray();
        string statement;
        object[] arguments;
        if (engine == SqlEngine.Postgres)
        {
            statement = $"WITH src(k, p, t, u) AS ({source.Sql}), "
                + $"tx(t, s, b) AS (SELECT * FROM unnest(CAST({source.Value(0)} AS text[]), CAST({source.Value(1)} AS text[]), CAST({source.Value(2)} AS text[]))), "
                + "c AS (SELECT src.k, src.p, tx.s, tx.b, src.u, row_number() OVER (ORDER BY src.p, src.k) AS seq FROM src JOIN tx ON tx.t = src.t) "
                + $"INSERT INTO {table} ({columns}) "
                + $"SELECT CAST('{prefix}' || lpad(to_hex(c.seq), 12, '0') AS uuid), c.k, c.p, c.s, c.b, c.u, {source.Value(3)}, {source.Value(4)} "
                + $"FROM c ORDER BY c.seq ON CONFLICT ({Column(nameof(InboxItem.Key))}) DO NOTHING";
            arguments = source.Arguments(keys, keys.Select(k => texts[k].Subject).ToArray(), keys.Select(k => texts[k].Body).ToArray(), now, mail);
        }
        else
        {
            // The texts are materialised (SQLite indexes them for the join) and the rows stay the outer loop
            // (CROSS JOIN): with the texts outside, SQLite ran the whole source again for each text.
            // "WHERE 1 = 1" keeps SQLite from reading ON CONFLICT as part of the join.
            statement = $"WITH src(k, p, t, u) AS ({source.Sql}), "
                + $"tx AS MATERIALIZED (SELECT json_extract(value, '$[0]') AS t, json_extract(value, '$[1]') AS s, json_extract(value, '$[2]') AS b FROM json_each({source.Value(0)})), "
                + "c AS (SELECT src.k, src.p, tx.s, tx.b, src.u, row_number() OVER (ORDER BY src.p, src.k) AS seq FROM src CROSS JOIN tx ON tx.t = src.t) "
                + $"INSERT INTO {table} ({columns}) "
                + $"SELECT '{prefix}' || printf('%012X', c.seq), c.k, c.p, c.s, c.b, c.u, {source.Value(1)}, {source.Value(2)} "
                + $"FROM c WHERE 1 = 1 ORDER BY c.seq ON CONFLICT ({Column(nameof(InboxItem.Key))}) DO NOTHING";
            arguments = source.Arguments(JsonSerializer.Serialize(keys.Select(k => new[] { k, texts[k].Subject, texts[k].Body })), now, mail);
        }

        return await db.Database.ExecuteSqlRawAsync(statement, arguments, cancellationToken);
    }
}
