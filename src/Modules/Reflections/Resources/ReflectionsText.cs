namespace ChangeAgentAcademy.Reflections.Resources;

public sealed class ReflectionsText;
