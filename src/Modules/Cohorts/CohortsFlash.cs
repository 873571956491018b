using ChangeAgentAcademy.Modules;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ChangeAgentAcademy.Cohorts;

internal static class CohortsFlash
{
    /// <summary>Like <see cref="Flash.From"/>, but every refusal is shown: one enrolment can break several rules at once (one per person named).</summary>
    public static void FromAll(this ITempDataDictionary tempData, Result result, string success)
    {
        if (result.Ok)
        {
            tempData.Success(success);
        }
        else
        {
            tempData.Error(string.Join(" ", result.Errors));
        }
    }
}
