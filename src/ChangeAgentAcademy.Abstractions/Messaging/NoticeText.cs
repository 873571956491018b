namespace ChangeAgentAcademy.Messaging;

/// <summary>A notice's subject and body, shared by every row of a <see cref="NoticeSource"/> query with its text key.</summary>
public sealed record NoticeText(string Subject, string Body);
