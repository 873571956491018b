namespace ChangeAgentAcademy.Notifications.ViewModels;

public sealed record InboxViewModel(int Page, int PageCount, int Total, int Unread, IReadOnlyList<InboxRow> Items);
