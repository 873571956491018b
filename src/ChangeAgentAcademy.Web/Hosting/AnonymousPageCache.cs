using System.Collections.Concurrent;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Pages rendered once per language for visitors who are not signed in (<see cref="AnonymousPageResult"/>), kept as
/// UTF-8 pieces to be joined with each request's own antiforgery token. Bounded: one entry per page and culture pair
/// the site supports, never more than <see cref="MaxEntries"/>.
/// </summary>
internal sealed class AnonymousPageCache
{
    public const int MaxEntries = 64;

    private readonly ConcurrentDictionary<string, byte[][]> pages = new(StringComparer.Ordinal);

    public bool TryGet(string key, out byte[][] pieces) => pages.TryGetValue(key, out pieces!);

    public void Set(string key, byte[][] pieces)
    {
        if (pages.Count < MaxEntries)
        {
            pages[key] = pieces;
        }
    }
}
