namespace ChangeAgentAcademy.Notifications.ViewModels;

public sealed record InboxBadgeViewModel(int Unread);
