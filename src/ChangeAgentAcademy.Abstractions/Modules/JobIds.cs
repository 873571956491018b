namespace ChangeAgentAcademy.Modules;

/// <summary>Ids of recurring jobs that other modules trigger (the owning job's <c>Id</c> points here), so no module spells another's id.</summary>
public static class JobIds
{
    /// <summary>Sends the mail outbox (Notifications); trigger it after writing notices that should go out now.</summary>
    public const string NotificationsOutbox = "notifications:outbox";

    /// <summary>Counts completion and issues due certificates (Outcomes); trigger it after something that can complete people.</summary>
    public const string IssueCertificates = "outcomes:issue-certificates";
}
