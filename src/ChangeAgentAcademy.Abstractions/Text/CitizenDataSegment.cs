namespace ChangeAgentAcademy.Text;

/// <summary>A stretch of a checked text, with its kind when it may identify a citizen.</summary>
public sealed record CitizenDataSegment(string Text, CitizenDataKind? Kind);
