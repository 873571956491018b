using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Addresses made by <c>Url.Action</c> and the <c>asp-action</c> tag helpers, kept per process. An address depends
/// only on the site's routes (fixed at start: a module is switched on or off by restarting), on what the call names
/// (action, controller, route values, fragment), on the request's route values (routing fills a parameter the call
/// leaves out from them) and on the request's path base. The key holds all of these, each value with its type and
/// every part with its length, so no two different calls share a key. A page makes five to forty links; generating one
/// walks the route table and was a tenth of a signed-in page's processor time (bench/README.md, issue 18).
/// <para>Only path addresses are kept (no protocol or host), only from a page answering 200 (a 404 for a made-up
/// address cannot fill the cache), only for values of simple types, and at most <see cref="Limit"/> of them: when
/// full, the cache starts again empty, so made-up route values can slow it for a moment but never grow it.</para>
/// </summary>
public sealed class LinkCache
{
    /// <summary>The most addresses kept at once.</summary>
    public const int Limit = 8192;

    [ThreadStatic]
    private static StringBuilder? scratch;

    private readonly BoundedCache<string?> links = new(Limit);

    /// <summary>How many addresses are kept (tests).</summary>
    public int Count => links.Count;

    /// <summary>Forgets every address (tests; the routes never change while the site runs).</summary>
    public void Clear() => links.Clear();

    public bool TryGet(string key, out string? link) => links.TryGet(key, out link);

    public void Add(string key, string? link) => links.Set(key, link);

    /// <summary>
    /// The kept address for a call, or the address <paramref name="make"/> gives (kept when <paramref name="keep"/>):
    /// the key is built in a buffer of the thread's and looked up without making a string, so a kept link costs no
    /// allocation.
    /// </summary>
    public string? GetOrMake<TState>(UrlActionContext call, string? pathBase, RouteValueDictionary? ambient, RouteValueDictionary? routeData, TState state, Func<TState, string?> make, bool keep)
    {
        // Taken while in use, so a call made while building another link would get a buffer of its own.
        var key = scratch ?? new StringBuilder(256);
        scratch = null;
        try
        {
            key.Clear();
            if (!Write(key, call, pathBase, ambient, routeData))
            {
                return make(state);
            }

            // A key that fits the buffer is one chunk (the usual case) and is looked up as it is.
            var chunks = key.GetChunks();
            var whole = chunks.MoveNext() && chunks.Current.Length == key.Length;
            if (whole ? links.TryGet(chunks.Current.Span, out var kept) : links.TryGet(key.ToString(), out kept))
            {
                return kept;
            }

            var link = make(state);
            if (keep)
            {
                links.Set(key.ToString(), link);
            }

            return link;
        }
        finally
        {
            if (key.Capacity <= 4096)
            {
                scratch = key;
            }
        }
    }

    /// <summary>
    /// The key for an action link, or null when the call cannot be kept (an absolute address, or a value whose text
    /// form is not plain).
    /// </summary>
    public static string? KeyFor(UrlActionContext call, string? pathBase, RouteValueDictionary? ambient, RouteValueDictionary? routeData)
    {
        var key = new StringBuilder(256);
        return Write(key, call, pathBase, ambient, routeData) ? key.ToString() : null;
    }

    private static bool Write(StringBuilder key, UrlActionContext call, string? pathBase, RouteValueDictionary? ambient, RouteValueDictionary? routeData)
    {
        if (call.Protocol is not null || call.Host is not null)
        {
            return false;
        }

        Part(key, pathBase);
        Part(key, call.Action);
        Part(key, call.Controller);
        Part(key, call.Fragment);
        if (!Values(key, call.Values) || !Values(key, ambient))
        {
            return false;
        }

        // The helper fills the action and controller from the action's route data; normally that is the same dictionary.
        return ReferenceEquals(ambient, routeData) || Values(key, routeData);
    }

    private static void Part(StringBuilder key, string? text)
    {
        if (text is null)
        {
            key.Append('~');
            return;
        }

        key.Append(text.Length).Append(':').Append(text);
    }

    private static bool Values(StringBuilder key, object? values)
    {
        switch (values)
        {
            case null:
                key.Append("{}");
                return true;
            case RouteValueDictionary dictionary:
                return Pairs(key, dictionary);
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                return Pairs(key, pairs);
            case IEnumerable<KeyValuePair<string, string?>> texts:
                return Pairs(key, texts.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
            default:
                return Pairs(key, new RouteValueDictionary(values));
        }
    }

    private static bool Pairs(StringBuilder key, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        key.Append('{');
        foreach (var (name, value) in pairs)
        {
            Part(key, name);
            switch (value)
            {
                case null:
                    key.Append('n');
                    break;
                case string text:
                    key.Append('s');
                    Part(key, text);
                    break;
                case int number:
                    key.Append('i');
                    Part(key, number.ToString(CultureInfo.InvariantCulture));
                    break;
                case long number:
                    key.Append('l');
                    Part(key, number.ToString(CultureInfo.InvariantCulture));
                    break;
                case bool flag:
                    key.Append(flag ? 'T' : 'F');
                    break;
                case Guid id:
                    key.Append('g');
                    Part(key, id.ToString("N"));
                    break;
                default:
                    return false;
            }
        }

        key.Append('}');
        return true;
    }
}
