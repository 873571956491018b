namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ResumeLinkRow(string ModuleId, string Slug, string Title);
