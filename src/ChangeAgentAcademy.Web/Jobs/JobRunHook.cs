using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ChangeAgentAcademy.Web.Jobs;

/// <summary>
/// <c>POST /test-hooks/jobs/{id}</c>: runs one registered recurring job in this node's process and answers when it
/// is done (200 and the milliseconds it took; 404 for an unknown job). Mapped only when <c>Jobs:RunNowHook</c> is
/// true (tests/two-nodes.sh sets it, production never does) and answers loopback callers only, so the two-node test
/// can make both nodes run the dispatcher at the same moment instead of waiting for Hangfire's minute.
/// </summary>
public static class JobRunHook
{
    public const string Pattern = "/test-hooks/jobs/{id}";

    public static void Map(WebApplication app) =>
        app.MapPost(Pattern, async (string id, HttpContext context, RegisteredJobs jobs, RecurringJobRunner runner) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
            {
                return Results.NotFound();
            }

            if (!jobs.ById.ContainsKey(id))
            {
                return Results.NotFound();
            }

            var watch = Stopwatch.StartNew();
            await runner.RunAsync(id, context.RequestAborted);
            return Results.Text(watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture), "text/plain");
        }).AllowAnonymous().DisableAntiforgery();
}
