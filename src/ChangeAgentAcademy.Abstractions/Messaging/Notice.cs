namespace ChangeAgentAcademy.Messaging;

/// <summary>
/// Something to tell a person, already written in their language: it appears in their in-app inbox and
/// is mailed at once or in their daily digest, as they chose. <paramref name="Key"/> makes it idempotent:
/// a key is delivered once, however often it is sent.
/// </summary>
public sealed record Notice(string Key, Guid PersonId, string Subject, string Body, string? Url = null);
