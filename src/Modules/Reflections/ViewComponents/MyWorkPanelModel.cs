using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

public sealed record MyWorkPanelModel(IReadOnlyList<NextWork> Due, IReadOnlyList<FeedbackItem> Feedback, int HandedIn, int Released);
