namespace ChangeAgentAcademy.Privacy;

/// <summary>A reason the person cannot be erased yet, already in the reader's language, shown to the officer.</summary>
public sealed record ErasureHold(string Module, string Reason);
