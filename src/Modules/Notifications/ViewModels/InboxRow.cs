namespace ChangeAgentAcademy.Notifications.ViewModels;

/// <summary>One notice as the inbox lists it; <see cref="Url"/> is set only when it is a safe local path.</summary>
public sealed record InboxRow(Guid Id, string Subject, string Body, string? Url, DateTime CreatedUtc, bool Unread);
