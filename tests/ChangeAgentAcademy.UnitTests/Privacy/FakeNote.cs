namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>A table added without a declaration, to show the coverage rule catches it.</summary>
public sealed class FakeNote
{
    public long Id { get; set; }

    public Guid AuthorId { get; set; }

    public Guid ReviewerKey { get; set; }

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";
}
