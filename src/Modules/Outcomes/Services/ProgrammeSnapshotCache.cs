using Microsoft.Extensions.Configuration;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// Keeps the last <see cref="ProgrammeSnapshot"/> for <c>Outcomes:ProgrammeSnapshotSeconds</c> (default 600, refreshed every 5 minutes by <see cref="Jobs.RefreshProgrammeJob"/> when the job server runs; 0 turns
/// the cache off and every request queries). Only one request (or the refresh job) builds a new snapshot at a time;
/// the others wait for it rather than querying the same rows again. The page states the snapshot's time.
/// </summary>
public sealed class ProgrammeSnapshotCache(IConfiguration configuration, TimeProvider clock)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ProgrammeSnapshot? current;

    public TimeSpan MaxAge { get; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Outcomes:ProgrammeSnapshotSeconds", 600)));

    /// <summary>The held snapshot while younger than <see cref="MaxAge"/>, else a new one from <paramref name="build"/>.</summary>
    public async Task<ProgrammeSnapshot> GetAsync(Func<CancellationToken, Task<ProgrammeSnapshot>> build, bool refresh = false, CancellationToken ct = default)
    {
        if (MaxAge == TimeSpan.Zero)
        {
            return await build(ct);
        }

        if (!refresh && Fresh(current) is { } held)
        {
            return held;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (!refresh && Fresh(current) is { } built)
            {
                return built;
            }

            current = await build(ct);
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private ProgrammeSnapshot? Fresh(ProgrammeSnapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow().UtcDateTime - snapshot.TakenUtc < MaxAge ? snapshot : null;
}
