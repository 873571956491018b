namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>The person's open erasure request: when they asked, and whether they may still withdraw it (only while it waits for the officer).</summary>
public sealed record OwnErasureRow(Guid Id, DateTime RequestedUtc, bool Withdrawable);
