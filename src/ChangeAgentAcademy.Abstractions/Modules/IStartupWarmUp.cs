namespace ChangeAgentAcademy.Modules;

/// <summary>
/// Work a module's first request would otherwise do (a cache filled from the database), done once at start after the
/// import steps, on the thread pool beside the web server's own start (issue #18: the cold start). Nothing waits for
/// it: a request that comes first does the same work itself, so a warm-up may only fill what a request would fill.
/// A failure is logged, never fatal.
/// </summary>
public interface IStartupWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}
