namespace ChangeAgentAcademy.Outcomes.ViewModels;

public sealed record CertificateRow(Guid Id, string Code, string Name, string Track, string CohortName, DateTime IssuedUtc, DateTime? RevokedUtc, string? RevokedReason);
