namespace ChangeAgentAcademy.Privacy;

/// <summary>
/// A reason the person cannot be erased yet, already in the reader's language: <see cref="Reason"/> as the officer
/// reads it (what to do about it), <see cref="ToPerson"/> as the person reads it about themself on their own data page
/// (what keeps their data and until when); the person's page falls back to <see cref="Reason"/> when a provider gives none.
/// </summary>
public sealed record ErasureHold(string Module, string Reason)
{
    public string? ToPerson { get; init; }
}
