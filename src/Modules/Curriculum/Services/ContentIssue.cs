namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// A problem in a content file, with the line it is on (1-based). <paramref name="Code"/> names the
/// message (CurriculumText "Import.{Code}", shown in the reader's language); <paramref name="Detail"/>
/// fills it in (a key name, a parser's own words).
/// </summary>
public sealed record ContentIssue(string File, int Line, string Code, string? Detail = null)
{
    public override string ToString() => $"{File}:{Line}: {Code} {Detail}".TrimEnd();
}
