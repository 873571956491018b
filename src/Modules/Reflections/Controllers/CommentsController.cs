using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>
/// A trainer's own comment bank: saved comments to insert into feedback. Another trainer's comment is a 404. A saved
/// comment ends up in many trainees' feedback, so it is checked for citizen data before it is saved (#15).
/// </summary>
[RequirePermission(ReflectionPermissions.Review)]
[Route("review/comments")]
public sealed class CommentsController(CommentBankPages pages, CommentBankService bank, ICitizenDataCheck citizenData, IStringLocalizer<ReflectionsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.PageAsync(User.RequiredPersonId()));

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Add([FromForm] string? text, [FromForm] bool citizenDataConfirmed = false)
    {
        var me = User.RequiredPersonId();
        if (!citizenDataConfirmed && CitizenDataWarning.Check(citizenData, text) is { } warning)
        {
            var warned = await pages.PageAsync(me);
            warned.NewText = text ?? "";
            warned.CitizenData = warning;
            return View(nameof(Index), warned);
        }

        var result = await bank.AddAsync(me, text);
        if (result.Ok)
        {
            TempData.Success(S["CommentSaved"].Value);
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddModelError("text", result.Error!);
        Response.StatusCode = result.HttpStatus;
        var model = await pages.PageAsync(me);
        model.NewText = text ?? "";
        return View(nameof(Index), model);
    }

    [HttpPost("{commentId:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(long commentId, [FromForm] string? text, [FromForm] bool citizenDataConfirmed = false)
    {
        var me = User.RequiredPersonId();
        if (!citizenDataConfirmed && CitizenDataWarning.Check(citizenData, text) is { } warning)
        {
            var warned = await pages.PageAsync(me);
            if (warned.Comments.All(c => c.Id != commentId))
            {
                return NotFound();
            }

            warned.EditingId = commentId;
            warned.EditingText = text ?? "";
            warned.CitizenData = warning;
            return View(nameof(Index), warned);
        }

        var result = await bank.UpdateAsync(commentId, me, text);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Ok)
        {
            TempData.Success(S["CommentSaved"].Value);
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddModelError($"text-{commentId}", result.Error!);
        Response.StatusCode = result.HttpStatus;
        var model = await pages.PageAsync(me);
        model.EditingId = commentId;
        model.EditingText = text ?? "";
        return View(nameof(Index), model);
    }

    [HttpPost("{commentId:long}/delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(long commentId)
    {
        var result = await bank.DeleteAsync(commentId, User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.Success(S["CommentDeleted"].Value);
        return RedirectToAction(nameof(Index));
    }
}
