namespace ChangeAgentAcademy.Curriculum.Data;

public class KitDocumentText
{
    public string DocId { get; set; } = "";

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Html { get; set; } = "";

    public string? TocHtml { get; set; }

    public string Hash { get; set; } = "";
}
