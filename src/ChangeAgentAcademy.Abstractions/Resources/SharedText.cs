namespace ChangeAgentAcademy.Resources;

/// <summary>Marker for the shared UI strings (SharedText.resx and its sv/da/fi translations).</summary>
public sealed class SharedText;
