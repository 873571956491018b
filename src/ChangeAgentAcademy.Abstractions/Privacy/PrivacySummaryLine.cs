namespace ChangeAgentAcademy.Privacy;

/// <summary>One line of the readable summary: a heading (e.g. "Reflections") and what it holds (e.g. "12, 3 with feedback").</summary>
public sealed record PrivacySummaryLine(string Heading, string Text);
