namespace ChangeAgentAcademy.Audit.ViewModels;

/// <summary>The audit page: the filter as typed, the choices, a page of entries newest first, and the next page's cursor.</summary>
public sealed class AuditViewModel
{
    public AuditFilterViewModel Filter { get; init; } = new();

    public IReadOnlyList<AuditOption> Actions { get; init; } = [];

    public IReadOnlyList<AuditOption> Modules { get; init; } = [];

    public IReadOnlyList<AuditRow> Rows { get; init; } = [];

    /// <summary>The cursor for the next (older) page, or null on the last page.</summary>
    public long? NextBefore { get; init; }

    /// <summary>True when the person filter named nobody (no entries then).</summary>
    public bool NoSuchPerson { get; init; }

    /// <summary>True when the filter was refused (the page shows the messages, no rows).</summary>
    public bool Refused { get; init; }
}
