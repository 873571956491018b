using System.Text;
using System.Text.Json;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>
/// The inbox's fast path for many notices that share a few texts (a reminder run: 100,000 notices, a few
/// hundred subjects and bodies): each distinct text travels once, each row as its id, key, person, URL
/// and the text's number, and one statement per 20,000 rows joins them in the database. SQLite and
/// PostgreSQL only (both under test); table and columns come from the EF model. Lives here because
/// Notifications owns the table: callers hand over typed notices.
/// </summary>
internal static class SharedTextsInsert
{
    private const int RowsPerStatement = 20_000;

    public static async Task<int> InsertAsync(DbContext db, SqlEngine engine, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(InboxItem))!;
        var tableName = entity.GetTableName()!;
        var schema = entity.GetSchema();
        var store = StoreObjectIdentifier.Table(tableName, schema);
        var quote = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => quote.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
        var table = quote.DelimitIdentifier(tableName, schema);
        var columns = string.Join(", ", new[] { nameof(InboxItem.Id), nameof(InboxItem.Key), nameof(InboxItem.UserId), nameof(InboxItem.Subject), nameof(InboxItem.Body), nameof(InboxItem.Url), nameof(InboxItem.CreatedUtc), nameof(InboxItem.Mail) }.Select(Column));
        var key = Column(nameof(InboxItem.Key));
        var mail = entity.FindProperty(nameof(InboxItem.Mail))!.GetTypeMapping().Converter?.ConvertToProvider(MailState.Pending) ?? MailState.Pending;

        var numbers = new Dictionary<(string, string), int>();
        var subjects = new List<string>();
        var bodies = new List<string>();
        var textOf = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (!numbers.TryGetValue((items[i].Subject, items[i].Body), out var n))
            {
                n = subjects.Count;
                numbers[(items[i].Subject, items[i].Body)] = n;
                subjects.Add(items[i].Subject);
                bodies.Add(items[i].Body);
            }

            textOf[i] = n;
        }

        var inserted = 0;
        for (var start = 0; start < items.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, items.Count - start);
            if (engine == SqlEngine.Postgres)
            {
                var ids = new Guid[count];
                var keys = new string[count];
                var people = new Guid[count];
                var urls = new string?[count];
                var texts = new int[count];
                for (var r = 0; r < count; r++)
                {
                    var item = items[start + r];
                    (ids[r], keys[r], people[r], urls[r], texts[r]) = (item.Id, item.Key, item.UserId, item.Url, textOf[start + r] + 1);
                }

                var statement = $"INSERT INTO {table} ({columns}) "
                    + "SELECT x.i, x.k, x.p, (CAST({5} AS text[]))[x.t], (CAST({6} AS text[]))[x.t], x.u, {7}, {8} "
                    + "FROM unnest(CAST({0} AS uuid[]), CAST({1} AS text[]), CAST({2} AS uuid[]), CAST({3} AS text[]), CAST({4} AS integer[])) WITH ORDINALITY AS x(i, k, p, u, t, o) "
                    + $"ORDER BY x.o ON CONFLICT ({key}) DO NOTHING";
                inserted += await db.Database.ExecuteSqlRawAsync(statement, [ids, keys, people, urls, texts, subjects.ToArray(), bodies.ToArray(), items[start].CreatedUtc, mail], cancellationToken);
            }
            else
            {
                // The rows' json_each is the outer loop (CROSS JOIN keeps SQLite from reordering: with the texts
                // outside it read 20,000 rows again for each text, 1.5 s a statement); the texts are materialised,
                // so SQLite builds an automatic index on them for the join.
                // "WHERE 1 = 1" keeps SQLite from reading ON CONFLICT as part of the join.
                var statement = "WITH t AS MATERIALIZED (SELECT key AS n, json_extract(value, '$[0]') AS s, json_extract(value, '$[1]') AS b FROM json_each({1})) "
                    + $"INSERT INTO {table} ({columns}) "
                    + "SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'), t.s, t.b, json_extract(r.value, '$[3]'), {2}, {3} "
                    + "FROM json_each({0}) AS r CROSS JOIN t ON t.n = json_extract(r.value, '$[4]') "
                    + $"WHERE 1 = 1 ORDER BY r.key ON CONFLICT ({key}) DO NOTHING";
                inserted += await db.Database.ExecuteSqlRawAsync(statement, [RowsJson(items, textOf, start, count), TextsJson(subjects, bodies), items[start].CreatedUtc, mail], cancellationToken);
            }
        }

        return inserted;
    }

    /// <summary>[[id, key, person, url, text number], …] with Guids as EF stores them on SQLite (upper-case text).</summary>
    private static string RowsJson(IReadOnlyList<InboxItem> items, int[] textOf, int start, int count)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var r = start; r < start + count; r++)
            {
                json.WriteStartArray();
                json.WriteStringValue(items[r].Id.ToString().ToUpperInvariant());
                json.WriteStringValue(items[r].Key);
                json.WriteStringValue(items[r].UserId.ToString().ToUpperInvariant());
                json.WriteStringValue(items[r].Url);
                json.WriteNumberValue(textOf[r]);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string TextsJson(List<string> subjects, List<string> bodies) =>
        JsonSerializer.Serialize(subjects.Select((s, i) => new[] { s, bodies[i] }));
}
