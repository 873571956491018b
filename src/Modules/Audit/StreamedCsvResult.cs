using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Audit;

/// <summary>A CSV download written straight to the response as it is produced (no buffering of the whole file).</summary>
public sealed class StreamedCsvResult(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
