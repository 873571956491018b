namespace ChangeAgentAcademy.Supervision.Resources;

public sealed class SupervisionText;
