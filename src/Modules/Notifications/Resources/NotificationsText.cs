namespace ChangeAgentAcademy.Notifications.Resources;

public sealed class NotificationsText;
