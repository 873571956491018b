using System.Text;
using ChangeAgentAcademy.Audit.Resources;
using ChangeAgentAcademy.Audit.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Audit.Services;

/// <summary>
/// Reads the core's audit table for <c>/admin/audit</c>: filtered, newest first by (AtUtc, Id), a page at a time by
/// keyset on that pair, so every filter is a range of one index read in order (CoreAuditPaging: (AtUtc, Id),
/// (Action, AtUtc, Id), (ActorId, AtUtc, Id), (Subject, AtUtc, Id)) and a page costs the same on the millionth row as
/// on the first; and the same filter streamed as CSV.
/// </summary>
public sealed class AuditPages(DbContext db, ProgrammeTime time, IStringLocalizer<AuditText> S)
{
    /// <summary>People whose name or e-mail contains the text (at most this many are looked for).</summary>
    private const int MaxPeople = 50;

    public async Task<AuditViewModel> PageAsync(AuditFilterViewModel filter, CancellationToken ct = default)
    {
        var query = await PageQueryAsync(filter, ct);
        var entries = query is null ? [] : await query.ToListAsync(ct);
        var rows = await RowsAsync(entries.Take(AuditRules.PageSize).ToList(), ct);
        return new AuditViewModel
        {
            Filter = filter, Actions = Actions(), Modules = Modules(), Rows = rows, NoSuchPerson = query is null,
            NextBefore = entries.Count > AuditRules.PageSize ? entries[AuditRules.PageSize - 1].Id : null,
        };
    }

    /// <summary>
    /// The query for one page (a row more than a page, to know whether there is a next), or null when the person filter
    /// names nobody. Public so that a test can ask the database for its plan.
    /// </summary>
    public async Task<IQueryable<AuditEntry>?> PageQueryAsync(AuditFilterViewModel filter, CancellationToken ct = default)
    {
        var (query, people) = await FilteredAsync(filter, ct);
        if (people is { Count: 0 })
        {
            return null;
        }

        if (filter.Before is not { } before)
        {
            return Slice(query, people, null, AuditRules.PageSize + 1);
        }

        // The cursor is the id of the previous page's last row; its time is read back (one primary-key lookup). If that
        // row has gone since (retention), the page continues at the row before it in id order.
        var cursor = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Id <= before).OrderByDescending(a => a.Id)
            .Select(a => new { a.AtUtc, a.Id }).FirstOrDefaultAsync(ct);
        return cursor is null
            ? query.Where(a => false)
            : Slice(query, people, (cursor.AtUtc, cursor.Id == before ? before : cursor.Id + 1), AuditRules.PageSize + 1);
    }

    /// <summary>The page with no rows, for a refused filter (its messages are in the model state).</summary>
    public AuditViewModel Refused(AuditFilterViewModel filter) =>
        new() { Filter = filter, Actions = Actions(), Modules = Modules(), Refused = true };

    /// <summary>
    /// Every entry the filter selects (the paging cursor ignored), as CSV in UTF-8 with a byte-order mark, written as it
    /// is read: a thousand rows at a time (keyset, as the page), never the whole result in memory.
    /// </summary>
    public async Task WriteCsvAsync(AuditFilterViewModel filter, Stream output, CancellationToken ct = default)
    {
        var all = new AuditFilterViewModel { Person = filter.Person, ActionId = filter.ActionId, Module = filter.Module, From = filter.From, To = filter.To };
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(",", new[] { S["CsvWhenUtc"].Value, S["CsvWhen"].Value, S["CsvWho"].Value, S["CsvActorId"].Value, S["CsvAction"].Value, S["CsvWhat"].Value, S["CsvSubject"].Value, S["CsvDetails"].Value }.Select(AuditRules.CsvCell)));
        var (query, people) = await FilteredAsync(all, ct);
        if (people is { Count: 0 })
        {
            await writer.FlushAsync(ct);
            return;
        }

        AuditEntry? last = null;
        while (true)
        {
            var batch = await Slice(query, people, last is null ? null : (last.AtUtc, last.Id), 1000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var names = await NamesAsync(batch, ct);
            foreach (var a in batch)
            {
                var row = Row(a, names);
                await writer.WriteLineAsync(string.Join(",", new[]
                {
                    a.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), row.When, row.Who,
                    a.ActorId?.ToString() ?? "", a.Action, row.What, row.Subject, a.Details ?? "",
                }.Select(AuditRules.CsvCell)));
            }

            await writer.FlushAsync(ct);
            last = batch[^1];
        }
    }

    /// <summary>
    /// The filter without the person (action, module, dates), and the people the person filter names: null without one,
    /// empty when it names nobody.
    /// </summary>
    private async Task<(IQueryable<AuditEntry> Query, List<Guid>? People)> FilteredAsync(AuditFilterViewModel filter, CancellationToken ct)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        List<Guid>? people = null;
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var text = filter.Person.Trim().ToLower();
            people = await db.Set<AppUser>().AsNoTracking()
                .Where(u => u.DisplayName.ToLower().Contains(text) || (u.Email != null && u.Email.ToLower().Contains(text)))
                .OrderBy(u => u.DisplayName).Select(u => u.Id).Take(MaxPeople).ToListAsync(ct);
        }

        if (!string.IsNullOrEmpty(filter.ActionId))
        {
            query = query.Where(a => a.Action == filter.ActionId);
        }

        if (!string.IsNullOrEmpty(filter.Module))
        {
            var prefix = filter.Module + ".";
            query = query.Where(a => a.Action.StartsWith(prefix));
        }

        var (fromUtc, toUtc) = AuditRules.UtcRange(filter.From, filter.To, time.Zone);
        if (fromUtc is { } start)
        {
            query = query.Where(a => a.AtUtc >= start);
        }

        if (toUtc is { } end)
        {
            query = query.Where(a => a.AtUtc < end);
        }

        return (query, people);
    }

    /// <summary>
    /// The first <paramref name="size"/> entries of the filter after the cursor, newest first. With a person, the entries
    /// they did and those about them are two ordered range scans (of (ActorId, AtUtc, Id) and (Subject, AtUtc, Id)), each
    /// cut at <paramref name="size"/>, merged (an entry both by and about them once) and cut again: an OR of the two
    /// would leave the database to read every entry of the person, or to walk the time index past everyone else's.
    /// </summary>
    private static IQueryable<AuditEntry> Slice(IQueryable<AuditEntry> query, List<Guid>? people, (DateTime At, long Id)? after, int size)
    {
        if (after is { } cursor)
        {
            query = OlderThan(query, cursor.At, cursor.Id);
        }

        if (people is null)
        {
            return Newest(query).Take(size);
        }

        IQueryable<AuditEntry> byThem, aboutThem;
        if (people.Count == 1)
        {
            // The usual case (a name or address that matches one person): equality, so each part is one index range in order.
            var actor = (Guid?)people[0];
            var subject = people[0].ToString();
            byThem = query.Where(a => a.ActorId == actor);
            aboutThem = query.Where(a => a.Subject == subject);
        }
        else
        {
            var actors = people.Select(i => (Guid?)i).ToList();
            var subjects = people.Select(i => i.ToString()).ToList();
            byThem = query.Where(a => actors.Contains(a.ActorId));
            aboutThem = query.Where(a => subjects.Contains(a.Subject));
        }

        return Newest(Newest(byThem).Take(size).Union(Newest(aboutThem).Take(size))).Take(size);
    }

    /// <summary>Newest first: by time, then by id among entries of the same instant (the order every index above holds).</summary>
    private static IOrderedQueryable<AuditEntry> Newest(IQueryable<AuditEntry> query) =>
        query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id);

    /// <summary>
    /// Entries after (at, id) in <see cref="Newest"/>'s order. Written as <c>AtUtc &lt;= at AND (AtUtc &lt; at OR Id &lt; id)</c>
    /// rather than the plain OR, so that the first part bounds the index range and the second only drops the entries of
    /// that same instant already shown.
    /// </summary>
    private static IQueryable<AuditEntry> OlderThan(IQueryable<AuditEntry> query, DateTime at, long id) =>
        query.Where(a => a.AtUtc <= at && (a.AtUtc < at || a.Id < id));

    private async Task<List<AuditRow>> RowsAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var names = await NamesAsync(entries, ct);
        return entries.Select(a => Row(a, names)).ToList();
    }

    /// <summary>Display names of the actors and of the subjects that are people, in one query.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.Where(a => a.ActorId is not null).Select(a => a.ActorId!.Value)
            .Concat(entries.Select(a => Guid.TryParse(a.Subject, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty))
            .Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private AuditRow Row(AuditEntry a, Dictionary<Guid, string> names)
    {
        var description = S[AuditRules.DescriptionKey(a.Action)];
        var who = a.ActorId is { } actor ? names.GetValueOrDefault(actor, actor.ToString()) : S["System"].Value;
        var subject = Guid.TryParse(a.Subject, out var id) && names.TryGetValue(id, out var name) ? name : a.Subject;
        return new AuditRow(a.Id, time.Format(a.AtUtc), who, a.Action, description.ResourceNotFound ? a.Action : description.Value, subject, a.Details);
    }

    private List<AuditOption> Actions() =>
        AuditRules.KnownActions.Select(a => new AuditOption(a, S[AuditRules.DescriptionKey(a)].Value)).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();

    private List<AuditOption> Modules() =>
        AuditRules.KnownModules.Select(m => new AuditOption(m, S[AuditRules.ModuleKey(m)].Value)).ToList();
}
