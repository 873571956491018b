namespace ChangeAgentAcademy.Curriculum.Resources;

public sealed class CurriculumText;
