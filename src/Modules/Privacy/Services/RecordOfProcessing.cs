using System.Text;
using ChangeAgentAcademy.Privacy.Resources;
using ChangeAgentAcademy.Privacy.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// The record of processing (GDPR art. 30), made from the providers' declarations: each kind of personal data,
/// where it is stored, why, who can read it, how long it is kept and what erasure does. The officer's page shows
/// it in their language; <see cref="Markdown"/> writes docs/RECORD-OF-PROCESSING.md (a test keeps that file current).
/// </summary>
public sealed class RecordOfProcessing(DbContext db, IEnumerable<IPrivacyProvider> providers, DeclarationTexts texts, IOptions<PrivacyOptions> options, IStringLocalizer<PrivacyText> S)
{
    public IReadOnlyList<RecordRow> Rows() =>
        providers.SelectMany(p => p.Declarations.Select(d => new RecordRow(
                p.Module,
                db.Model.FindEntityType(d.Entity)?.GetTableName() ?? d.Entity.Name,
                d.Columns,
                texts.For(p, d.PurposeKey),
                texts.For(p, d.ReadersKey),
                Retention(d.Retention),
                d.OnErasure == ErasureAction.Delete ? S["ErasureDelete"] : S["ErasureAnonymise"])))
            .ToList();

    /// <summary>
    /// The record as every signed-in person reads it: the same declarations, without tables, columns or configuration keys,
    /// and kinds that read the same (several tables of one purpose) said once.
    /// </summary>
    public IReadOnlyList<KeptDataRow> KeptRows()
    {
        var rows = providers.SelectMany(p => p.Declarations.Select(d => new KeptDataRow(
                p.Module,
                texts.For(p, d.PurposeKey),
                texts.For(p, d.ReadersKey),
                KeptFor(d.Retention),
                d.OnErasure == ErasureAction.Delete ? S["ErasureDelete"] : S["ErasureAnonymise"])))
            .Distinct()
            .ToList();

        // A kind kept "as long as the account" beside the same kind with its own period (the account's tables: the
        // account row says how long the account itself lasts) is that period: said once.
        var asLongAsTheAccount = S["RetentionAccount"].Value;
        return rows.Where(r => r.Retention != asLongAsTheAccount
                || !rows.Any(o => o.Retention != asLongAsTheAccount && (o.Module, o.Purpose, o.Readers, o.Erasure) == (r.Module, r.Purpose, r.Readers, r.Erasure)))
            .ToList();
    }

    private string KeptFor(string? key) =>
        key is null ? S["RetentionAccount"]
        : !options.Value.Retention.TryGetValue(key, out var months) || months <= 0 ? S["RetentionNoPeriodForPeople"]
        : key == InactiveAccounts.RetentionKey ? S["RetentionUnusedForPeople", months]
        : S["RetentionMonthsForPeople", months];

    public string Retention(string? key) =>
        key is null ? S["RetentionAccount"]
        : options.Value.Retention.TryGetValue(key, out var months) && months > 0 ? S["RetentionMonths", months, key]
        : S["RetentionKept", key];

    /// <summary>The record as Markdown, in the current language (the generator uses English).</summary>
    public string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# ").Append(S["RecordTitle"]).Append("\n\n")
            .Append(S["RecordIntro"]).Append("\n\n")
            .Append("<!-- Generated from the privacy providers' declarations by PrivacyRecordTests (CAA_WRITE_RECORD=1 rewrites it); do not edit by hand. -->\n\n");
        foreach (var module in Rows().GroupBy(r => r.Module))
        {
            md.Append("## ").Append(S["Module." + module.Key]).Append("\n\n")
                .Append('|').Append(S["ColumnTable"]).Append('|').Append(S["ColumnData"]).Append('|').Append(S["ColumnPurpose"]).Append('|')
                .Append(S["ColumnReaders"]).Append('|').Append(S["ColumnRetention"]).Append('|').Append(S["ColumnErasure"]).Append("|\n|---|---|---|---|---|---|\n");
            foreach (var row in module)
            {
                md.Append("| `").Append(row.Table).Append("` | ").Append(string.Join(", ", row.Columns)).Append(" | ").Append(row.Purpose).Append(" | ")
                    .Append(row.Readers).Append(" | ").Append(row.Retention).Append(" | ").Append(row.Erasure).Append(" |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }
}
