using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>The private iCal feed: the secret in the URL is the only credential (calendar apps cannot sign in).</summary>
[Route("calendar")]
public sealed class CalendarController(CalendarFeedService feeds, ProgrammeTime time, ChangeAgentAcademy.Hosting.ISiteAddress site) : Controller
{
    /// <summary>The token is stored hashed: its URL shows on the visit that makes it and after a renewal, never again.</summary>
    [Authorize]
    [HttpGet("")]
    public async Task<IActionResult> Index() => await PageAsync(await feeds.TokenAsync(User.RequiredPersonId(), renew: false));

    [Authorize]
    [HttpPost("renew")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Renew() => await PageAsync(await feeds.TokenAsync(User.RequiredPersonId(), renew: true));

    private async Task<IActionResult> PageAsync(string? token)
    {
        // Not cached: the one page that shows the secret should not stay in a shared cache or the history.
        Response.Headers.CacheControl = "no-store";
        var upcoming = await feeds.EntriesAsync(User.RequiredPersonId(), time.UtcNow.AddDays(-1), time.UtcNow.AddDays(90));
        return View("Index", new CalendarPageViewModel(token is null ? null : site.Absolute(Url.Action(nameof(Feed), new { token })!), upcoming));
    }

    [AllowAnonymous]
    [HttpGet("{token}.ics")]
    public async Task<IActionResult> Feed(string? token)
    {
        var ics = await feeds.FeedAsync(token, site.BaseUrl);
        return ics is null ? NotFound() : Content(ics, "text/calendar; charset=utf-8");
    }
}
