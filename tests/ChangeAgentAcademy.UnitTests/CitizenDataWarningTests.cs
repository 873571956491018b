using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The shared warning every free-text form shows: null when nothing is found, findings marked per paragraph.</summary>
public class CitizenDataWarningTests
{
    private sealed class FakeCheck(string match, CitizenDataKind kind) : ICitizenDataCheck
    {
        public IReadOnlyList<CitizenDataFinding> Scan(string? text)
        {
            var at = text?.IndexOf(match, StringComparison.Ordinal) ?? -1;
            return at < 0 ? [] : [new CitizenDataFinding(at, match.Length, kind, match)];
        }
    }

    [Fact]
    public void Check_NothingFound_IsNull_EmptyText_IsNull()
    {
        var check = new FakeCheck("Anna Svensson", CitizenDataKind.Name);

        Assert.Null(CitizenDataWarning.Check(check, "A citizen in home care."));
        Assert.Null(CitizenDataWarning.Check(check, null));
        Assert.Null(CitizenDataWarning.CheckAll(check, "", null, "  "));
    }

    [Fact]
    public void CheckAll_JoinsFieldsAsParagraphs_MarksTheFindingInItsParagraph()
    {
        var check = new FakeCheck("Anna Svensson", CitizenDataKind.Name);

        var warning = CitizenDataWarning.CheckAll(check, " Too many handovers. ", null, "We help Anna Svensson daily.");

        Assert.NotNull(warning);
        Assert.Equal("Too many handovers.\n\nWe help Anna Svensson daily.", warning.Text);
        Assert.Equal([CitizenDataKind.Name], warning.Kinds);
        Assert.Equal(2, warning.Paragraphs.Count);
        Assert.Equal([new CitizenDataSegment("Too many handovers.", null)], warning.Paragraphs[0]);
        Assert.Equal(
            [new CitizenDataSegment("We help ", null), new CitizenDataSegment("Anna Svensson", CitizenDataKind.Name), new CitizenDataSegment(" daily.", null)],
            warning.Paragraphs[1]);
    }
}
