using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

public sealed record ReviewPanelModel(IReadOnlyList<WaitingReview> Waiting, int Total);
