namespace ChangeAgentAcademy.Messaging;

/// <summary>An e-mail to send. <paramref name="Key"/> makes queuing idempotent: the same key is queued once.</summary>
public sealed record OutboundEmail(string To, string Subject, string TextBody, string? Key = null);
