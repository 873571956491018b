using ChangeAgentAcademy.Privacy.Data;

namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>An export the signed-in person asked for: whose (their own, or, for the officer, someone's), its state and until when it is offered.</summary>
public sealed record ExportRow(Guid Id, string Person, ExportStatus Status, DateTime RequestedUtc, DateTime? ExpiresUtc);
