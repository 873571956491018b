using ChangeAgentAcademy.People.Services;

namespace ChangeAgentAcademy.UnitTests;

public class CsvReaderTests
{
    [Fact]
    public void Parse_QuotedCommasQuotesAndLineBreaks()
    {
        var rows = CsvReader.Parse("name,email\n\"Nielsen, Bo\",bo@x.dk\n\"Say \"\"hi\"\"\",\"a\nb\"\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["Nielsen, Bo", "bo@x.dk"], rows[1]);
        Assert.Equal(["Say \"hi\"", "a\nb"], rows[2]);
    }

    [Fact]
    public void Parse_SemicolonHeader_SemicolonDelimiter_CrLfAndBom()
    {
        var rows = CsvReader.Parse("\uFEFFname;email\r\nÅsa;asa@x.se\r\n\r\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Åsa", "asa@x.se"], rows[1]);
    }
}
