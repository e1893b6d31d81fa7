using System.Diagnostics;

namespace AssistBot.Benchmarks.Sweep;

/// <summary>Samples the managed heap and the resident set while a measured step runs, and reads the kernel's RSS peak.</summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakManaged;
    private long _peakAfterGc;
    private long _peakRss;

    private ResourceSampler()
    {
        ResetKernelPeak();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(20, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
            }
        });
    }

    public static ResourceSampler Start() => new();

    public static double RssMiB => Process.GetCurrentProcess().WorkingSet64 / 1048576.0;

    /// <summary>Largest managed heap seen, garbage not yet collected included (server GC lets it grow far before collecting).</summary>
    public double PeakManagedMiB => Interlocked.Read(ref _peakManaged) / 1048576.0;

    /// <summary>Largest heap right after a collection: what the step really keeps alive.</summary>
    public double PeakAfterGcMiB => Interlocked.Read(ref _peakAfterGc) / 1048576.0;

    /// <summary>The larger of the sampled peak and the kernel's VmHWM (reset when sampling started, where Linux allows).</summary>
    public double PeakRssMiB => Math.Max(Interlocked.Read(ref _peakRss), KernelPeakBytes()) / 1048576.0;

    private void Sample()
    {
        var managed = GC.GetTotalMemory(false);
        var afterGc = GC.GetGCMemoryInfo().HeapSizeBytes;
        var rss = Environment.WorkingSet;
        if (managed > Interlocked.Read(ref _peakManaged)) Interlocked.Exchange(ref _peakManaged, managed);
        if (afterGc > Interlocked.Read(ref _peakAfterGc)) Interlocked.Exchange(ref _peakAfterGc, afterGc);
        if (rss > Interlocked.Read(ref _peakRss)) Interlocked.Exchange(ref _peakRss, rss);
    }

    private static void ResetKernelPeak()
    {
        // "5" resets VmHWM to the current RSS, so the peak is this step's, not the seeding's.
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static long KernelPeakBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Sample();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
