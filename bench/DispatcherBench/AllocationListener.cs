using System.Diagnostics.Tracing;

namespace DispatcherBench;

/// <summary>
/// Bytes allocated while <see cref="Enabled"/>, from the runtime's GCAllocationTick events (one per
/// ~100 KB allocated, with the amount since the last one). GC.GetTotalAllocatedBytes is not usable here:
/// with server GC's dynamic heap count (DATAS, the default) it went backwards between two readings.
/// </summary>
public sealed class AllocationListener : EventListener
{
    private long bytes;

    public volatile bool Enabled;

    public long Bytes => Interlocked.Read(ref bytes);

    public void Reset() => Interlocked.Exchange(ref bytes, 0);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Enabled || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        var index = e.PayloadNames.IndexOf("AllocationAmount64");
        if (index < 0)
        {
            index = e.PayloadNames.IndexOf("AllocationAmount");
        }

        if (index >= 0 && e.Payload?[index] is { } amount)
        {
            Interlocked.Add(ref bytes, Convert.ToInt64(amount, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
