namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record WorkshopsPanelViewModel(IReadOnlyList<NextWorkshopRow> Next, int PendingRequests, bool Books, bool Manages);
