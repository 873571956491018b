namespace ChangeAgentAcademy.Privacy;

/// <summary>
/// A module's account of the personal data it stores (Moodle's privacy provider, in this product's shape):
/// what it holds and why, and how to export, erase and expire it. Each module registers one
/// (<c>services.AddScoped&lt;IPrivacyProvider, XPrivacyProvider&gt;()</c>); the host owns no module's knowledge
/// and only gathers them. A test reads the EF model and fails when a table with a person key, a name,
/// an e-mail or free text written by a person is not named in some provider's <see cref="Declarations"/>.
/// </summary>
public interface IPrivacyProvider
{
    /// <summary>The module's id (its <c>ModuleStartup.Id</c>); the export's file is <c>{Module}.json</c>.</summary>
    string Module { get; }

    /// <summary>Every entity of this module that holds personal data, with its columns, purpose, readers and retention.</summary>
    IReadOnlyList<PersonalDataDeclaration> Declarations { get; }

    /// <summary>
    /// Everything this module holds about <paramref name="personId"/>, as plain serialisable values
    /// (records, lists, strings, dates). Never another person's free text: a trainee's reflection carries the
    /// trainer's feedback on it, but a leader's export carries no text of their team.
    /// </summary>
    Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>Why this person must be kept for now (e.g. an open supervision contract); empty when nothing holds them.</summary>
    Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes or anonymises this module's data about the person in one transaction, keeping aggregates valid
    /// (counts, rotation fairness, attendance numbers). Idempotent: a second call finds nothing and changes nothing.
    /// </summary>
    Task EraseAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rows past their retention period at <see cref="RetentionRun.NowUtc"/>: counted only when
    /// <see cref="RetentionRun.DryRun"/>, deleted (set-based) otherwise. The same input gives the same list.
    /// </summary>
    Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default);
}
