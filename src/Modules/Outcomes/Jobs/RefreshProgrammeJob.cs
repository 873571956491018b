using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Services;

namespace ChangeAgentAcademy.Outcomes.Jobs;

/// <summary>
/// Every 5 minutes: counts /programme's numbers afresh and holds them, so that no programme owner's request waits
/// for the counting (the page states the time of the numbers). Nothing to do when the cache is turned off.
/// </summary>
public sealed class RefreshProgrammeJob(ProgrammePages pages, ProgrammeSnapshotCache cache) : IRecurringJob
{
    public const string Id = "outcomes:refresh-programme";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (cache.MaxAge > TimeSpan.Zero)
        {
            await pages.RefreshAsync(cancellationToken);
        }
    }
}
