namespace ChangeAgentAcademy.Reflections.Data;

public enum ReminderKind
{
    BeforeDue,
    AfterDue,
}
