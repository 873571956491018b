using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Outcomes.ViewComponents;

/// <summary>Start page: "2 of 5 done" against the track's completion rules, and the certificate to download once issued.</summary>
public sealed class CompletionPanelViewComponent(ProgressQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await queries.PanelAsync(HttpContext.User.RequiredPersonId()) is { } model ? View(model) : Content(string.Empty);
}
