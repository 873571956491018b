namespace ChangeAgentAcademy.Modules;

public sealed record ImportContext(bool DemoMode, string ContentRoot);
