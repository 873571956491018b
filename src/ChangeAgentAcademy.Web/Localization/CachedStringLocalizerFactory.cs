using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Localization;

/// <summary>
/// The localizers of every page, each kept once per resource type, with the texts they found kept per language. The
/// resource files do not change while the site runs, yet every lookup went through <c>ResourceManager</c> behind a
/// lock (and every view's localizer recomputed its resource name): a signed-in page makes some fifty lookups, about
/// 7 % of its processor time and a good part of its lock contention under load (bench/README.md, issue 18).
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, type => new CachedStringLocalizer(inner.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), key => new CachedStringLocalizer(inner.Create(key.BaseName, key.Location)));
}
