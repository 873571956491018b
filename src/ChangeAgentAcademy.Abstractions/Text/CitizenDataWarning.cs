namespace ChangeAgentAcademy.Text;

/// <summary>
/// What a save found in a free text that could identify a citizen, for the shared warning partial
/// (<c>_CitizenDataWarning</c>): nothing is saved, the text is kept in the form, the writer edits it or
/// saves anyway (<see cref="ConfirmField"/> = true). Null from <see cref="Check"/> means nothing was found.
/// </summary>
public sealed record CitizenDataWarning(string Text, IReadOnlyList<CitizenDataFinding> Findings)
{
    /// <summary>The form field of the "save anyway" button; actions bind it as <c>bool citizenDataConfirmed</c>.</summary>
    public const string ConfirmField = "citizenDataConfirmed";

    /// <summary>The warning for <paramref name="text"/>, or null when the check finds nothing.</summary>
    public static CitizenDataWarning? Check(ICitizenDataCheck check, string? text)
    {
        var findings = check.Scan(text);
        return findings.Count == 0 ? null : new CitizenDataWarning(text!, findings);
    }

    /// <summary>Several fields of one form (e.g. a workshop record) checked as one text, paragraph by field, so the warning shows every finding.</summary>
    public static CitizenDataWarning? CheckAll(ICitizenDataCheck check, params string?[] texts) =>
        Check(check, string.Join("\n\n", texts.Select(t => (t ?? "").Trim()).Where(t => t.Length > 0)));

    public IReadOnlyList<CitizenDataKind> Kinds => Findings.Select(f => f.Kind).Distinct().Order().ToList();

    /// <summary>The text by paragraph (as <see cref="PersonText"/> splits it), each with its findings marked.</summary>
    public IReadOnlyList<IReadOnlyList<CitizenDataSegment>> Paragraphs =>
        PersonText.Ranges(Text).Select(r => Segments(
            Text.Substring(r.Start, r.Length),
            Findings.Select(f => (Start: Math.Max(f.Start, r.Start), End: Math.Min(f.Start + f.Length, r.Start + r.Length), f))
                .Where(x => x.End > x.Start)
                .Select(x => x.f with { Start = x.Start - r.Start, Length = x.End - x.Start })
                .ToList())).ToList();

    private static IReadOnlyList<CitizenDataSegment> Segments(string text, IReadOnlyList<CitizenDataFinding> findings)
    {
        var list = new List<CitizenDataSegment>();
        var at = 0;
        foreach (var f in findings.Where(f => f.Start >= 0 && f.Start + f.Length <= text.Length).OrderBy(f => f.Start))
        {
            if (f.Start < at)
            {
                continue;
            }

            if (f.Start > at)
            {
                list.Add(new CitizenDataSegment(text[at..f.Start], null));
            }

            list.Add(new CitizenDataSegment(text.Substring(f.Start, f.Length), f.Kind));
            at = f.Start + f.Length;
        }

        if (at < text.Length)
        {
            list.Add(new CitizenDataSegment(text[at..], null));
        }

        return list;
    }
}
