namespace ChangeAgentAcademy.Privacy.ViewModels;

public sealed record ErasureRequestRow(Guid PersonId, string Name, string Email, DateTime RequestedUtc);
