using System.Text;
using ChangeAgentAcademy.Audit.Resources;
using ChangeAgentAcademy.Audit.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Audit.Services;

/// <summary>
/// Reads the core's audit table for <c>/admin/audit</c>: filtered, newest first, a page at a time by keyset (the id),
/// so a page costs the same on the millionth row as on the first (indexes from CoreAuditIndexes); and the same
/// filter streamed as CSV.
/// </summary>
public sealed class AuditPages(DbContext db, ProgrammeTime time, IStringLocalizer<AuditText> S)
{
    /// <summary>People whose name or e-mail contains the text (at most this many are looked for).</summary>
    private const int MaxPeople = 50;

    public async Task<AuditViewModel> PageAsync(AuditFilterViewModel filter, CancellationToken ct = default)
    {
        var (query, noSuchPerson) = await FilteredAsync(filter, ct);
        var entries = noSuchPerson ? [] : await query.Take(AuditRules.PageSize + 1).ToListAsync(ct);
        var rows = await RowsAsync(entries.Take(AuditRules.PageSize).ToList(), ct);
        return new AuditViewModel
        {
            Filter = filter, Actions = Actions(), Modules = Modules(), Rows = rows, NoSuchPerson = noSuchPerson,
            NextBefore = entries.Count > AuditRules.PageSize ? entries[AuditRules.PageSize - 1].Id : null,
        };
    }

    /// <summary>The page with no rows, for a refused filter (its messages are in the model state).</summary>
    public AuditViewModel Refused(AuditFilterViewModel filter) =>
        new() { Filter = filter, Actions = Actions(), Modules = Modules(), Refused = true };

    /// <summary>
    /// Every entry the filter selects (the paging cursor ignored), as CSV in UTF-8 with a byte-order mark, written as it
    /// is read: a thousand rows at a time, never the whole result in memory.
    /// </summary>
    public async Task WriteCsvAsync(AuditFilterViewModel filter, Stream output, CancellationToken ct = default)
    {
        var all = new AuditFilterViewModel { Person = filter.Person, ActionId = filter.ActionId, Module = filter.Module, From = filter.From, To = filter.To };
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(",", new[] { S["CsvWhenUtc"].Value, S["CsvWhen"].Value, S["CsvWho"].Value, S["CsvActorId"].Value, S["CsvAction"].Value, S["CsvWhat"].Value, S["CsvSubject"].Value, S["CsvDetails"].Value }.Select(AuditRules.CsvCell)));
        var (query, noSuchPerson) = await FilteredAsync(all, ct);
        if (noSuchPerson)
        {
            await writer.FlushAsync(ct);
            return;
        }

        long? before = null;
        while (true)
        {
            var batchQuery = before is { } b ? query.Where(a => a.Id < b) : query;
            var batch = await batchQuery.Take(1000).ToListAsync(ct);
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
            before = batch[^1].Id;
        }
    }

    private async Task<(IQueryable<AuditEntry> Query, bool NoSuchPerson)> FilteredAsync(AuditFilterViewModel filter, CancellationToken ct)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var text = filter.Person.Trim().ToLower();
            var ids = await db.Set<AppUser>().AsNoTracking()
                .Where(u => u.DisplayName.ToLower().Contains(text) || (u.Email != null && u.Email.ToLower().Contains(text)))
                .OrderBy(u => u.DisplayName).Select(u => u.Id).Take(MaxPeople).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return (query, true);
            }

            var subjects = ids.Select(i => i.ToString()).ToList();
            var actors = ids.Select(i => (Guid?)i).ToList();
            query = query.Where(a => actors.Contains(a.ActorId) || subjects.Contains(a.Subject));
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

        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        return (query.OrderByDescending(a => a.Id), false);
    }

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
