namespace ChangeAgentAcademy.Curriculum.ViewModels;

/// <summary><paramref name="Assignments"/>: the reader's released work per item slug (from the Reflections module).</summary>
public sealed record ModulePageViewModel(ModuleProgressRow Progress, string IntroHtml, IReadOnlyList<ItemRow> Items, IReadOnlyDictionary<string, ChangeAgentAcademy.Modules.AssignmentLink>? Assignments = null, string? ObjectivesHtml = null);
