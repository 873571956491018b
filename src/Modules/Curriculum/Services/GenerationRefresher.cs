using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>Reads the content generation once a second in the background (one indexed one-row query per node).</summary>
public sealed class GenerationRefresher(IServiceScopeFactory scopes, GenerationWatch watch, ILogger<GenerationRefresher> logger) : GenerationPoller(scopes, logger)
{
    protected override async Task PollAsync(DbContext db, CancellationToken cancellationToken) =>
        watch.Saw(await GenerationWatch.ReadAsync(db, cancellationToken));
}
