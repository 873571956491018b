namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record MyWorkPanelViewModel(IReadOnlyList<DueWorkRow> Due, IReadOnlyList<FeedbackItemRow> Feedback, int HandedIn, int Released);
