namespace ChangeAgentAcademy.Reflections.Data;

public enum ReviewDecision
{
    Accepted,
    RevisionRequested,
}
