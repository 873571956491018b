namespace ChangeAgentAcademy.Privacy;

/// <summary>
/// A module's part of a person's export: <paramref name="Data"/> is written as <c>{Module}.json</c>;
/// <paramref name="Summary"/> are the readable lines (already in the person's language) for the HTML summary.
/// </summary>
public sealed record PrivacyExportPart(string Module, object Data, IReadOnlyList<PrivacySummaryLine> Summary);
