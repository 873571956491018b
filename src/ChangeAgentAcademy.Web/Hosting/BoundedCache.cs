using System.Collections.Concurrent;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// A per-process cache by text key that never holds more than its limit: when full it starts again empty, so keys
/// shaped by requests can slow it for a moment but never grow it. Counted without <c>ConcurrentDictionary.Count</c>
/// (which takes every lock). Used by <see cref="LinkCache"/> and <see cref="Security.CachedTicketFormat"/>.
/// </summary>
public sealed class BoundedCache<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> bySpan;
    private int count;

    public BoundedCache(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        bySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Limit { get; }

    /// <summary>How many entries are kept (a few more for a moment while several threads add at once).</summary>
    public int Count => Volatile.Read(ref count);

    public bool TryGet(string key, out TValue value) => entries.TryGetValue(key, out value!);

    /// <summary>Looks a key up without making a string of it.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out TValue value) => bySpan.TryGetValue(key, out value!);

    /// <summary>Keeps the value under the key, replacing what was there; when the cache is full it is emptied first.</summary>
    public void Set(string key, TValue value)
    {
        if (entries.ContainsKey(key))
        {
            entries[key] = value;
            return;
        }

        if (Interlocked.Increment(ref count) > Limit)
        {
            entries.Clear();
            Volatile.Write(ref count, 1);
        }

        if (!entries.TryAdd(key, value))
        {
            entries[key] = value;
            Interlocked.Decrement(ref count);
        }
    }

    public void Clear()
    {
        entries.Clear();
        Volatile.Write(ref count, 0);
    }
}
