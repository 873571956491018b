namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ResumeLink(string ModuleId, string Slug, string Title);
