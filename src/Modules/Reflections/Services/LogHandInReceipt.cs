namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A log handed in as the practical assignment <paramref name="WorkId"/>: the hand-in's detail and the text it became.</summary>
public sealed record LogHandInReceipt(long WorkId, SubmitReceipt Receipt, string Text);
