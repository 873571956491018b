namespace ChangeAgentAcademy.Reflections.Data;

public class Review
{
    public long Id { get; set; }

    public long WorkId { get; set; }

    public int VersionNumber { get; set; }

    public Guid TrainerId { get; set; }

    public ReviewDecision Decision { get; set; }

    public string FeedbackMarkdown { get; set; } = "";

    public string FeedbackHtml { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
