using ChangeAgentAcademy.Notifications.Data;

namespace ChangeAgentAcademy.Notifications.ViewModels;

/// <summary>One notice as the inbox lists it; <see cref="Url"/> is set only when it is a safe local path.</summary>
public sealed record InboxRow(Guid Id, string Subject, string Body, string? Url, DateTime CreatedUtc, bool Unread);

public sealed record InboxPageModel(int Page, int PageCount, int Total, int Unread, IReadOnlyList<InboxRow> Items);

/// <summary>The delivery choice; <see cref="DigestHour"/> is the local hour after which digests go out.</summary>
public sealed record InboxSettingsModel(DeliveryMode Mode, int DigestHour);

public sealed record InboxBadgeModel(int Unread);
