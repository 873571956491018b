namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record ReviewPanelViewModel(IReadOnlyList<WaitingReviewRow> Waiting, int Total);
