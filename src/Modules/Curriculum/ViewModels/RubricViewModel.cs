namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record RubricViewModel(ChangeAgentAcademy.Curriculum.Services.RubricView Rubric, bool ShowGuidance, bool IsFallback);
