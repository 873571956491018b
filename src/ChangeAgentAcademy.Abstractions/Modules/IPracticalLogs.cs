namespace ChangeAgentAcademy.Modules;

/// <summary>Practical logs (PDSA tests and the others), answered by the Reflections module.</summary>
public interface IPracticalLogs
{
    /// <summary>Starts a draft PDSA test for the person with <paramref name="change"/> filled in; returns its URL, or null when practical logs are switched off.</summary>
    Task<string?> StartPdsaAsync(Guid personId, string change, string originRef, CancellationToken cancellationToken = default);
}
