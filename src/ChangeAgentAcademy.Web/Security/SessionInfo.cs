namespace ChangeAgentAcademy.Web.Security;

public sealed record SessionInfo(string Id, DateTime CreatedUtc, string? Device);
