using ChangeAgentAcademy.Resources;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// Reads a provider's purpose and readers keys from its own module's resources (<c>{Module}Text</c>, the module id before any dot, in the
/// provider's assembly, by the house convention), or from the shared texts for the core's.
/// </summary>
public sealed class DeclarationTexts(IStringLocalizerFactory factory)
{
    private readonly Dictionary<Type, IStringLocalizer> localizers = [];

    public string For(IPrivacyProvider provider, string key)
    {
        var type = provider.GetType();
        if (!localizers.TryGetValue(type, out var localizer))
        {
            var resources = type.Assembly.GetTypes().FirstOrDefault(t => t.Name == provider.Module.Split('.')[0] + "Text" && t.Namespace?.EndsWith(".Resources", StringComparison.Ordinal) == true) ?? typeof(SharedText);
            localizer = factory.Create(resources);
            localizers[type] = localizer;
        }

        return localizer[key];
    }
}
