namespace ChangeAgentAcademy.Privacy.Resources;

public sealed class PrivacyText;
