using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A stretch of the text, marked when it may identify a citizen.</summary>
public sealed record TextSegmentRow(string Text, CitizenDataKind? Kind);
