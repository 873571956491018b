using System.Diagnostics;

namespace DispatcherBench;

/// <summary>Samples the managed heap and the working set every 5 ms on its own thread and keeps the peaks.</summary>
public sealed class PeakSampler : IDisposable
{
    private readonly Thread thread;
    private volatile bool stop;
    private long peakManaged;
    private long peakWorkingSet;

    public PeakSampler()
    {
        Sample();
        thread = new Thread(() =>
        {
            while (!stop)
            {
                Sample();
                Thread.Sleep(5);
            }
        }) { IsBackground = true, Name = "peak-sampler" };
        thread.Start();
    }

    public long PeakManaged => Interlocked.Read(ref peakManaged);

    public long PeakWorkingSet => Interlocked.Read(ref peakWorkingSet);

    public void Stop()
    {
        if (!stop)
        {
            stop = true;
            thread.Join();
            Sample();
        }
    }

    public void Dispose() => Stop();

    private void Sample()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        if (managed > peakManaged)
        {
            Interlocked.Exchange(ref peakManaged, managed);
        }

        if (workingSet > peakWorkingSet)
        {
            Interlocked.Exchange(ref peakWorkingSet, workingSet);
        }
    }
}
