using System.Reflection;
using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Finds the feature modules (every concrete <see cref="ModuleStartup"/> in the site's assemblies) and
/// decides which are on: <c>Modules:{Id}:Enabled=false</c> switches one off.
/// </summary>
public sealed class ModuleCatalog
{
    private ModuleCatalog(IReadOnlyList<ModuleStartup> all, IReadOnlyList<ModuleStartup> enabled)
    {
        All = all;
        Enabled = enabled;
    }

    /// <summary>Every module found, on or off (the data model includes all of them).</summary>
    public IReadOnlyList<ModuleStartup> All { get; }

    public IReadOnlyList<ModuleStartup> Enabled { get; }

    public bool IsEnabled(Assembly assembly) => Enabled.Any(m => m.GetType().Assembly == assembly);

    public bool IsModuleAssembly(Assembly assembly) => All.Any(m => m.GetType().Assembly == assembly);

    public static ModuleCatalog Discover(IEnumerable<Assembly> assemblies, IConfiguration configuration)
    {
        var all = assemblies
            .Distinct()
            .SelectMany(SafeTypes)
            .Where(t => typeof(ModuleStartup).IsAssignableFrom(t) && t is { IsAbstract: false, IsClass: true })
            .Select(t => (ModuleStartup)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();

        var duplicate = all.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two modules share the id '{duplicate.Key}'.");
        }

        var enabled = all.Where(m => m.AlwaysEnabled || configuration.GetValue($"Modules:{m.Id}:Enabled", true)).ToList();
        // A module whose dependency is off is off too (Orchard's manifest dependencies), until nothing changes.
        while (enabled.FirstOrDefault(m => m.Dependencies.Any(d => enabled.All(e => e.Id != d))) is { } orphan)
        {
            enabled.Remove(orphan);
        }

        return new ModuleCatalog(all, enabled);
    }

    /// <summary>The site's own assemblies next to the host: ChangeAgentAcademy.*.dll.</summary>
    public static IEnumerable<Assembly> SiteAssemblies()
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .GroupBy(a => a.GetName().Name ?? "")
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "ChangeAgentAcademy.*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.EndsWith("Tests", StringComparison.Ordinal))
            {
                continue;
            }

            yield return loaded.TryGetValue(name, out var assembly) ? assembly : Assembly.Load(new AssemblyName(name));
        }
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
