namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>A request on the officer's list: whose, since when, and whether an erasure claimed it and stopped part-way (to be run again to finish).</summary>
public sealed record ErasureRequestRow(Guid PersonId, string Name, string Email, DateTime RequestedUtc, bool Stopped = false);
