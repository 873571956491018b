namespace ChangeAgentAcademy.TestIdentityProvider;

/// <summary>What is wrong with the next id_token the provider issues (for the refusal tests).</summary>
public enum TokenFault
{
    None,

    /// <summary>Issued and expired an hour ago.</summary>
    Expired,

    /// <summary>Signed with a key the provider does not publish in its key set.</summary>
    WrongKey,
}
