namespace ChangeAgentAcademy.Workshops.Resources;

public sealed class WorkshopsText;
