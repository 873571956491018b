namespace ChangeAgentAcademy.Messaging;

/// <summary>Renders user-written Markdown to safe HTML (raw HTML off, sanitized), answered by the Curriculum module.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);
}
