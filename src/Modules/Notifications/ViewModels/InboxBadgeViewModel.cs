using ChangeAgentAcademy.Notifications.Data;

namespace ChangeAgentAcademy.Notifications.ViewModels;

public sealed record InboxBadgeModel(int Unread);
