namespace ChangeAgentAcademy.Web.Demo;

public sealed record DemoPerson(string Email, string Name, string Language, string[] Roles, string? Team);
