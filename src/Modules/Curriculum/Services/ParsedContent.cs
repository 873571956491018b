namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record ParsedContent(FrontMatter Meta, string Body);
