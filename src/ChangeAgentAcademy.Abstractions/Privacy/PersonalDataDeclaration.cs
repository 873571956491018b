namespace ChangeAgentAcademy.Privacy;

/// <summary>
/// One entity holding personal data: which columns (CLR property names) hold a person key, a name, an address
/// or text a person wrote; why it is kept (<paramref name="PurposeKey"/>, a text key of the module's resources);
/// who can read it (<paramref name="ReadersKey"/>); which retention period applies (<paramref name="Retention"/>,
/// a key of <c>Privacy:Retention</c>, or null when it lives as long as the account); and what erasure does.
/// </summary>
public sealed record PersonalDataDeclaration(
    Type Entity,
    IReadOnlyList<string> Columns,
    string PurposeKey,
    string ReadersKey,
    string? Retention,
    ErasureAction OnErasure);
