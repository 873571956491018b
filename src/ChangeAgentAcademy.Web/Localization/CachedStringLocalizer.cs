using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Localization;

/// <summary>
/// One resource type's texts, looked up once per language and name and then kept (<see cref="CachedStringLocalizerFactory"/>).
/// Formatting with arguments is done per call, as <c>ResourceManagerStringLocalizer</c> does it (the current culture,
/// the name itself when the resource has no such text). At most <see cref="Limit"/> texts are kept per resource type:
/// names are the code's own, but one built from input must not make the cache grow without end.
/// </summary>
public sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public const int Limit = 4096;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> found = new();

    /// <summary>How many texts are kept (tests).</summary>
    public int Count => found.Count;

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (found.TryGetValue(key, out var text))
            {
                return text;
            }

            text = inner[name];
            if (found.Count < Limit)
            {
                found.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
