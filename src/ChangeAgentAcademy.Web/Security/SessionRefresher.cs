using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>Reads the revocation generation once a second (one indexed one-row query per node).</summary>
public sealed class SessionRefresher(IServiceScopeFactory scopes, SessionCache cache, ILogger<SessionRefresher> logger) : GenerationPoller(scopes, logger)
{
    protected override async Task PollAsync(DbContext db, CancellationToken cancellationToken) =>
        cache.Saw(await SessionStore.ReadGenerationAsync(db, cancellationToken));
}
