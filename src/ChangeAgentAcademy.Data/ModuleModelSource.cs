using ChangeAgentAcademy.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>Every known module (enabled or not), so the model is the same whatever the configuration.</summary>
public sealed class ModuleModelSource(IReadOnlyList<ModuleStartup> modules)
{
    public IReadOnlyList<ModuleStartup> Modules { get; } = modules;
}
