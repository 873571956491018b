using ChangeAgentAcademy.Hosting;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Jobs;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Controllers;

/// <summary>A person's certificate as a PDF (theirs only, or any for an administrator), and the administrator's list, issue-now and revoke.</summary>
[Route("certificates")]
public sealed class CertificatesController(
    CertificatePages pages, CertificateService certificates, CertificatePdf pdf, ISiteAddress site, IJobTrigger jobs, ICitizenDataCheck citizenData, IStringLocalizer<OutcomesText> S) : Controller
{
    /// <summary>Anyone signed in may ask; only the owner and administrators get it, everyone else a 404.</summary>
    [HttpGet("{id:guid}/pdf")]
    public async Task<IActionResult> Download(Guid id)
    {
        if (await pages.ForDownloadAsync(id, User) is not { } certificate)
        {
            return NotFound();
        }

        var verify = site.Absolute(Url.Action(nameof(VerifyController.Show), "Verify", new { code = certificate.Code })!);
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf.Render(certificate, verify), "application/pdf", $"certificate-{certificate.Code}.pdf");
    }

    [RequirePermission(OutcomesPermissions.ManageCertificates)]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q) => View(await pages.ListAsync(q));

    /// <summary>Runs the issuing job now (after a rule change, say) instead of waiting for its schedule.</summary>
    [RequirePermission(OutcomesPermissions.ManageCertificates)]
    [HttpPost("issue")]
    [ValidateAntiForgeryToken]
    public IActionResult Issue()
    {
        jobs.Trigger(IssueCertificatesJob.Id);
        TempData.Success(S["Issue.Queued"]);
        return RedirectToAction(nameof(Index));
    }

    [RequirePermission(OutcomesPermissions.ManageCertificates)]
    [HttpPost("{id:guid}/revoke")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Revoke(Guid id, string? reason, bool citizenDataConfirmed = false)
    {
        // The reason is shown to the certificate's holder and kept in the audit: nothing is revoked while it may identify
        // a citizen, unless revoked anyway (#15). A reason the service refuses (empty, too long) gets its message instead.
        var typed = reason?.Trim();
        if (!citizenDataConfirmed && typed is { Length: > 0 and <= CertificateService.ReasonLength } && CitizenDataWarning.Check(citizenData, typed) is { } warning)
        {
            if (await pages.RowAsync(id) is not { } row)
            {
                return NotFound();
            }

            if (row.RevokedUtc is null)
            {
                var warned = await pages.ListAsync(null, include: id);
                return View(nameof(Index), warned with { FailedId = id, TypedReason = reason, ReasonCitizenData = warning });
            }
        }

        var result = await certificates.RevokeAsync(id, reason, User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status is ResultStatus.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var page = await pages.ListAsync(null, include: id);
            return View(nameof(Index), page with { FailedId = id, TypedReason = reason, Error = result.Error });
        }

        TempData.From(result, S["Revoke.Done"]);
        return RedirectToAction(nameof(Index));
    }
}
