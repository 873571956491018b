namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>What the public verification page shows, and nothing more: name, programme, date, whether revoked.</summary>
public sealed record VerifyViewModel(string Code, string Name, string Track, DateOnly Issued, bool Revoked, DateOnly? RevokedOn);
