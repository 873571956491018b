namespace ChangeAgentAcademy.Modules;

/// <summary><paramref name="Kind"/> is "reflection" or "practical"; <paramref name="PracticalType"/> e.g. "pdsa".</summary>
public sealed record OutlineAssignment(string Key, string ModuleId, int ModuleNumber, string Kind, string? PracticalType, int DueOffsetDays);
