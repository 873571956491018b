using System.Text;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Audit.ViewModels;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Audit.Services;

/// <summary>The audit page's pure rules: which filter is acceptable, the description key of an action, a safe CSV cell.</summary>
public static partial class AuditRules
{
    public const int PageSize = 50;

    public const int MaxPersonLength = 200;

    /// <summary>The actions the site writes (each has a description in four languages); the select offers these.</summary>
    public static readonly IReadOnlyList<string> KnownActions =
    [
        "account.signed-in", "account.sign-in-failed", "account.locked-out", "account.signed-out", "account.signed-out-everywhere",
        "account.password-changed", "account.reset-requested", "account.password-reset",
        "people.created", "people.updated", "people.roles-changed", "people.role-granted", "people.imported", "people.import-updated",
        "cohorts.enrolled", "cohorts.withdrew", "cohorts.request-approved", "cohorts.request-declined",
        "reflections.submitted", "reflections.accepted",
        "supervision.group-created", "supervision.contract-changed",
        "workshops.request-declined", "workshops.booked",
    ];

    /// <summary>The modules the select offers (the prefixes of the known actions, and the privacy module's).</summary>
    public static readonly IReadOnlyList<string> KnownModules =
        [.. KnownActions.Select(ModuleOf).Append("privacy").Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}(\\.[a-z0-9-]{1,59})?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ActionPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex ModulePattern();

    /// <summary>
    /// What is wrong with the filter: (field, resource key) pairs, empty when it can be run. Model binding's own
    /// refusals (a date that is not a date) come on top.
    /// </summary>
    public static IReadOnlyList<(string Field, string Key)> Validate(AuditFilterViewModel filter)
    {
        var errors = new List<(string, string)>();
        if (filter.Person is { Length: > MaxPersonLength })
        {
            errors.Add((nameof(filter.Person), "PersonTooLong"));
        }

        if (!string.IsNullOrEmpty(filter.ActionId) && !ActionPattern().IsMatch(filter.ActionId))
        {
            errors.Add((nameof(filter.ActionId), "ActionInvalid"));
        }

        if (!string.IsNullOrEmpty(filter.Module) && !ModulePattern().IsMatch(filter.Module))
        {
            errors.Add((nameof(filter.Module), "ModuleInvalid"));
        }

        if ((filter.From is { } from && !InputDates.IsSane(from)) || (filter.To is { } to && !InputDates.IsSane(to)))
        {
            errors.Add((nameof(filter.From), "DateOutOfRange"));
        }
        else if (filter.From > filter.To)
        {
            errors.Add((nameof(filter.To), "ToBeforeFrom"));
        }

        if (filter.Before is <= 0)
        {
            errors.Add((nameof(filter.Before), "PageInvalid"));
        }

        return errors;
    }

    /// <summary>The module of an action: the text before its first dot (<c>workshops.booked</c> is <c>workshops</c>).</summary>
    public static string ModuleOf(string action)
    {
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? action : action[..dot];
    }

    /// <summary>The resource key describing an action: <c>workshops.request-declined</c> is <c>ActionWorkshopsRequestDeclined</c>.</summary>
    public static string DescriptionKey(string action)
    {
        var sb = new StringBuilder("Action");
        var upper = true;
        foreach (var c in action)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>The resource key naming a module in the select: <c>workshops</c> is <c>ModuleWorkshops</c>.</summary>
    public static string ModuleKey(string module) => "Module" + DescriptionKey(module)["Action".Length..];

    /// <summary>The UTC instants [start, end) that the local days From..To cover in <paramref name="zone"/>.</summary>
    public static (DateTime? FromUtc, DateTime? ToUtc) UtcRange(DateOnly? from, DateOnly? to, TimeZoneInfo zone)
    {
        DateTime? start = from is { } f ? TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue), zone) : null;
        DateTime? end = to is { } t ? TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null;
        return (start, end);
    }

    /// <summary>
    /// One CSV cell: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return)
    /// gets a leading apostrophe; a value with a comma, quote or line break is quoted, quotes doubled.
    /// </summary>
    public static string CsvCell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n;") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
