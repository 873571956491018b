namespace ChangeAgentAcademy.TestIdentityProvider;

/// <summary>The person the test provider signs in (no password form: the next authorization request is this person).</summary>
public sealed record TestUser(string Subject, string Email, bool EmailVerified, string Name, IReadOnlyList<string> Groups);
