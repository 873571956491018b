using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Services;

namespace ChangeAgentAcademy.Privacy.Jobs;

/// <summary>Prepares waiting exports and deletes those past their time; triggered at once when someone asks, and every few minutes.</summary>
public sealed class PrepareExportsJob(ExportService exports) : IRecurringJob
{
    public Task RunAsync(CancellationToken cancellationToken) => exports.RunAsync(cancellationToken);
}
