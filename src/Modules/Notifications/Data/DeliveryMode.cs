namespace ChangeAgentAcademy.Notifications.Data;

public enum DeliveryMode
{
    Immediate,
    DailyDigest,
}
