namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record NextWorkshopRow(Guid Id, string Title, DateTime StartsUtc, string Place, bool Facilitating);
