using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Reflections switched off: a PDSA test cannot be started (the caller says so).</summary>
public sealed class NoPracticalLogs : IPracticalLogs
{
    public Task<string?> StartPdsaAsync(Guid personId, string change, string originRef, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
