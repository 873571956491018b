namespace ChangeAgentAcademy.Curriculum.Data;

public enum LessonKind
{
    Lesson,
    Reflection,
    Practical,
}
