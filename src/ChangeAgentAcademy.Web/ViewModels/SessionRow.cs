namespace ChangeAgentAcademy.Web.ViewModels;

public sealed record SessionRow(DateTime CreatedUtc, string Device, bool IsThisOne);
