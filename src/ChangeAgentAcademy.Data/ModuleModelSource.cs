using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Data;

/// <summary>Every known module (enabled or not), so the model is the same whatever the configuration.</summary>
public sealed class ModuleModelSource(IReadOnlyList<ModuleStartup> modules)
{
    public IReadOnlyList<ModuleStartup> Modules { get; } = modules;
}
