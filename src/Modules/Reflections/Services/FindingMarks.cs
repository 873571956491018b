using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Marks the possible citizen details in a text, paragraph by paragraph, for the confirmation step. Pure.</summary>
public static class FindingMarks
{
    /// <summary>The text by paragraph (as <see cref="PersonText"/> splits it), each with its findings marked.</summary>
    public static IReadOnlyList<IReadOnlyList<TextSegmentRow>> MarkedParagraphs(string text, IReadOnlyList<CitizenDataFinding> findings) =>
        PersonText.Ranges(text).Select(r => Segments(
            text.Substring(r.Start, r.Length),
            findings.Select(f => (Start: Math.Max(f.Start, r.Start), End: Math.Min(f.Start + f.Length, r.Start + r.Length), f))
                .Where(x => x.End > x.Start)
                .Select(x => x.f with { Start = x.Start - r.Start, Length = x.End - x.Start })
                .ToList())).ToList();

    public static IReadOnlyList<TextSegmentRow> Segments(string text, IReadOnlyList<CitizenDataFinding> findings)
    {
        var list = new List<TextSegmentRow>();
        var at = 0;
        foreach (var f in findings.Where(f => f.Start >= 0 && f.Start + f.Length <= text.Length).OrderBy(f => f.Start))
        {
            if (f.Start < at)
            {
                continue;
            }

            if (f.Start > at)
            {
                list.Add(new TextSegmentRow(text[at..f.Start], null));
            }

            list.Add(new TextSegmentRow(text.Substring(f.Start, f.Length), f.Kind));
            at = f.Start + f.Length;
        }

        if (at < text.Length)
        {
            list.Add(new TextSegmentRow(text[at..], null));
        }

        return list;
    }
}
