namespace ChangeAgentAcademy.Messaging;

/// <summary>
/// One notice as a row of a query the caller composes over its own tables, for
/// <see cref="INotifier.NotifyFromQueryAsync"/>. Set every property from columns (and string concatenation
/// with them), so EF Core translates the whole row; <see cref="TextKey"/> picks the subject and body from
/// the texts handed over beside the query.
/// </summary>
public sealed class NoticeSource
{
    public string Key { get; init; } = "";

    public Guid PersonId { get; init; }

    public string TextKey { get; init; } = "";

    public string Url { get; init; } = "";
}
