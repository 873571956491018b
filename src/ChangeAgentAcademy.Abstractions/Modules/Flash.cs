using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChangeAgentAcademy.Modules;

/// <summary>
/// The one-line message a page shows after a redirect (Orchard's notifier): <c>TempData.Success(S["Saved"])</c>
/// or <c>TempData.Error(...)</c>. The layout shows it once, as a status or as an alert. Nothing else writes
/// these keys.
/// </summary>
public static class Flash
{
    private const string MessageKey = "Flash";
    private const string IsErrorKey = "FlashIsError";

    public static void Success(this ITempDataDictionary tempData, string message)
    {
        tempData[MessageKey] = message;
        tempData.Remove(IsErrorKey);
    }

    public static void Error(this ITempDataDictionary tempData, string message)
    {
        tempData[MessageKey] = message;
        tempData[IsErrorKey] = true;
    }

    /// <summary>Success or error as <paramref name="result"/> says; the message when it failed is its first error.</summary>
    public static void From(this ITempDataDictionary tempData, Result result, string success)
    {
        if (result.Ok)
        {
            tempData.Success(success);
        }
        else
        {
            tempData.Error(result.Error ?? success);
        }
    }

    /// <summary>Reads (and so removes) the message for the layout.</summary>
    public static (string Message, bool IsError)? Take(this ITempDataDictionary tempData) =>
        tempData[MessageKey] is string message ? (message, tempData[IsErrorKey] is true) : null;
}
