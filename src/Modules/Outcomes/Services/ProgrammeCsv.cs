using System.Globalization;
using System.Text;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Outcomes.ViewModels;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>The /programme tables as CSV (UTF-8 with a BOM for spreadsheets; cells a spreadsheet would run as a formula are quoted with a leading apostrophe).</summary>
public sealed class ProgrammeCsv(IStringLocalizer<OutcomesText> S)
{
    public byte[] Groups(IEnumerable<GroupRow> rows)
    {
        var text = new StringBuilder();
        Line(text, [S["Programme.Group"], S["Programme.Enrolled"], S["Programme.LessonsRead"], S["Programme.OnTime"], S["Programme.Late"], S["Programme.Overdue"],
            S["Programme.Accepted1"], S["Programme.Accepted2"], S["Programme.Accepted3"], S["Programme.ReviewMedian"], S["Programme.ReviewP90"],
            S["Programme.Sessions"], S["Programme.WorkshopsBooked"], S["Programme.WorkshopsAttended"], S["Programme.Complete"], S["Programme.Certificates"]]);
        foreach (var r in rows)
        {
            Line(text, r.Suppressed
                ? [r.Name, S["Programme.FewerThan", ProgrammePages.SmallestGroup]]
                : [r.Name, N(r.Enrolled), N(r.LessonsPercent), N(r.OnTime), N(r.Late), N(r.Overdue), N(r.AcceptedFirst), N(r.AcceptedSecond), N(r.AcceptedLater),
                    H(r.ReviewMedianHours), H(r.ReviewP90Hours), N(r.SessionsAttended), N(r.WorkshopsBooked), N(r.WorkshopsAttended), N(r.Complete), N(r.Certificates)]);
        }

        return Bytes(text);
    }

    public byte[] Trend(IEnumerable<TrendRow> rows)
    {
        var text = new StringBuilder();
        Line(text, [S["Programme.Week"], S["Programme.HandIns"], S["Programme.Reviews"]]);
        foreach (var r in rows)
        {
            Line(text, [N(r.Week), N(r.HandIns), N(r.Reviews)]);
        }

        return Bytes(text);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string H(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder text, IEnumerable<string> cells) => text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static byte[] Bytes(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
