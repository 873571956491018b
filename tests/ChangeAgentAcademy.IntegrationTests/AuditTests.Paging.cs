using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Audit.Services;
using ChangeAgentAcademy.Audit.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// The audit page's order and paging (CoreAuditPaging): newest first by (AtUtc, Id), keyset on that pair, so entries
/// written out of time order and several of one instant across a page boundary are each shown once, in order; and every
/// filter is read from an index in that order (the plans, on SQLite and PostgreSQL). bench/audit-page.sh has the numbers
/// at 1,000,000 rows.
/// </summary>
public abstract partial class AuditTests<TSite>
{
    private static List<string> Markers(string page) => Regex.Matches(page, @"row-\d{3}").Select(m => m.Value).ToList();

    /// <summary>Every page of <paramref name="url"/>, following the "Older" links: the markers in the order shown.</summary>
    private static async Task<List<string>> AllPagesAsync(SiteClient client, string url)
    {
        var markers = new List<string>();
        for (var pages = 0; url.Length > 0; pages++)
        {
            Assert.True(pages < 10, "the pages do not end");
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(url));
            markers.AddRange(Markers(page));
            url = WebUtility.HtmlDecode(Regex.Match(page, "rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value);
        }

        return markers;
    }

    [Fact]
    public async Task AuditPage_NewestFirstByTimeThenId_OutOfOrderAndSameInstantEntries_EachOnceAcrossPagesAndCsv()
    {
        var module = NewModule();
        var (one, other) = (await site.PersonAsync(Roles.Trainee), await site.PersonAsync(Roles.Trainee));
        var token = "p" + Guid.NewGuid().ToString("N")[..10];
        var start = new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        await site.WithScopeAsync(async (_, db) =>
        {
            // Two people whose names share a token (a person filter naming both); 150 entries written newest time first
            // (ids rise as time falls), three to an instant, so pages of 50 split instants; by one, the other, or nobody;
            // about one, the other, or nothing, some both by and about the same person.
            foreach (var u in await db.Users.Where(u => u.Id == one.Id || u.Id == other.Id).ToListAsync())
            {
                u.DisplayName = $"Test {token} {(u.Id == one.Id ? "One" : "Other")}";
            }

            for (var i = 0; i < 150; i++)
            {
                Guid? actor = i % 2 == 0 ? (i % 4 == 0 ? one.Id : other.Id) : null;
                var subject = i % 3 == 0 ? (i % 9 == 0 ? other.Id : one.Id).ToString() : "elsewhere";
                db.AddAudit(start.AddMinutes(-(i / 3)), actor, $"{module}.tick", subject, $"row-{i:D3}");
            }

            await db.SaveChangesAsync();
        });
        var entries = await EntriesAsync(a => a.Action == $"{module}.tick");
        List<string> Expected(Func<AuditEntry, bool> where) =>
            entries.Where(where).OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Select(a => a.Details!).ToList();
        bool About(AuditEntry a, params AppUser[] people) => people.Any(p => a.ActorId == p.Id || a.Subject == p.Id.ToString());
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var client = await SiteClient.SignedInAsync(site, officer.Email!, SiteClient.TestPassword);

        var all = await AllPagesAsync(client, $"/admin/audit?Module={module}");
        var byOne = await AllPagesAsync(client, $"/admin/audit?Module={module}&Person={Uri.EscapeDataString(one.Email!)}");
        var byBoth = await AllPagesAsync(client, $"/admin/audit?Module={module}&Person={token}");
        var csv = Markers(await client.GetStringAsync($"/admin/audit/csv?Module={module}&Person={token}"));

        Assert.NotEqual(entries.OrderByDescending(a => a.Id).Select(a => a.Details), Expected(_ => true)); // the id alone would order them wrongly
        Assert.Equal(Expected(_ => true), all);
        Assert.Equal(Expected(a => About(a, one)), byOne);
        Assert.Equal(Expected(a => About(a, one, other)), byBoth);
        Assert.Equal(byBoth, csv);
        Assert.True(byOne.Count > 50 && byBoth.Count > byOne.Count, $"{byOne.Count} and {byBoth.Count} entries: more than a page each");
    }

    /// <summary>
    /// Each filter the page offers is read from one of the audit's indexes in the page's order, never the whole table
    /// and never sorted whole: asked of the database itself (EXPLAIN). PostgreSQL is told to avoid sequential scans and
    /// sorts, as it would on a large table (the test table is small, where a scan is cheaper); if no index gave the order,
    /// it would still have to scan or sort.
    /// </summary>
    [Fact]
    public async Task AuditPage_EveryFilter_IsReadFromAnIndexInOrder()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var newest = await site.WithScopeAsync(async (_, db) =>
        {
            db.AddAudit(DateTime.UtcNow, person.Id, "account.signed-in", person.Id.ToString());
            await db.SaveChangesAsync();
            return await db.Audit.MaxAsync(a => a.Id);
        });
        var filters = new (string Name, AuditFilterViewModel Filter, string[] Indexes)[]
        {
            ("none", new(), ["IX_core_audit_AtUtc_Id"]),
            ("person", new() { Person = person.Email }, ["IX_core_audit_ActorId_AtUtc_Id", "IX_core_audit_Subject_AtUtc_Id"]),
            ("dates", new() { From = new DateOnly(2025, 3, 1), To = new DateOnly(2025, 3, 7) }, ["IX_core_audit_AtUtc_Id"]),
            ("action", new() { ActionId = "account.signed-in" }, ["IX_core_audit_Action_AtUtc_Id"]),
            // Both indexes are a range in order here (the dates bound the time index); the database picks by its statistics.
            ("action and dates", new() { ActionId = "account.signed-in", From = new DateOnly(2025, 3, 1), To = new DateOnly(2025, 3, 7) }, ["IX_core_audit_Action_AtUtc_Id|IX_core_audit_AtUtc_Id"]),
            ("a later page", new() { Before = newest }, ["IX_core_audit_AtUtc_Id"]),
            ("action, a later page", new() { ActionId = "account.signed-in", Before = newest }, ["IX_core_audit_Action_AtUtc_Id|IX_core_audit_AtUtc_Id"]),
        };

        var wrong = new List<string>();
        foreach (var (name, filter, indexes) in filters)
        {
            var plan = await site.WithScopeAsync(async (sp, _) =>
            {
                var db = sp.GetRequiredService<DbContext>();
                var query = await sp.GetRequiredService<AuditPages>().PageQueryAsync(filter);
                return await PlanAsync(db, query!);
            });
            var union = filter.Person is not null;
            var text = string.Join("\n", plan.Select(l => l.Detail));
            var problems = new List<string>();
            problems.AddRange(indexes.Where(i => !i.Split('|').Any(one => text.Contains(one, StringComparison.Ordinal))).Select(i => $"does not use {i}"));
            // SQLite: a SCAN without an index of anything but a subquery's rows (CO-ROUTINE, MATERIALIZE) is the table.
            var subqueries = plan.Select(l => Regex.Match(l.Detail, @"^(CO-ROUTINE|MATERIALIZE) (\S+)")).Where(m => m.Success).Select(m => m.Groups[2].Value).ToHashSet();
            bool ReadsTable(string detail) => Regex.Match(detail, @"^(SCAN|SEARCH) (\S+)") is { Success: true } m && !subqueries.Contains(m.Groups[2].Value);
            if (plan.Any(l => l.Detail.Contains("Seq Scan", StringComparison.Ordinal)
                || (ReadsTable(l.Detail) && !l.Detail.Contains(" USING INDEX ", StringComparison.Ordinal) && !l.Detail.Contains(" USING COVERING INDEX ", StringComparison.Ordinal))))
            {
                problems.Add("reads the whole table");
            }

            // Nothing sorts what it reads from the table: SQLite's sort step has no sibling reading the table (sorting a
            // subquery's page, to merge a person's two halves, is fine); PostgreSQL sorts at most once, above a
            // person's two halves (at most two pages of rows).
            var tableSorts = plan.Count(l => l.Detail.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)
                && plan.Any(o => o.Parent == l.Parent && ReadsTable(o.Detail)));
            var pgSorts = plan.Count(l => Regex.IsMatch(l.Detail, @"(^|-> *)Sort\b"));
            if (tableSorts > 0 || pgSorts > (union ? 1 : 0))
            {
                problems.Add($"sorts what it reads ({tableSorts + pgSorts})");
            }

            if (problems.Count > 0)
            {
                wrong.Add($"{name}: {string.Join(", ", problems)}\n{text}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n\n", wrong));
    }

    /// <summary>The database's plan for the query, a line per step: SQLite's EXPLAIN QUERY PLAN (step, parent step, detail), PostgreSQL's EXPLAIN lines.</summary>
    private static async Task<List<(long Id, long Parent, string Detail)>> PlanAsync(DbContext db, IQueryable<AuditEntry> query)
    {
        var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off");
        }

        await using var command = query.CreateDbCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<(long, long, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(postgres ? (lines.Count, -1, reader.GetString(0)) : (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
            }
        }

        await transaction.RollbackAsync();
        return lines;
    }
}
