namespace ChangeAgentAcademy.Reflections.Data;

public enum AssignmentKind
{
    Reflection,
    Practical,
}
