using ChangeAgentAcademy.Notifications.Data;

namespace ChangeAgentAcademy.Notifications.ViewModels;

/// <summary>The delivery choice; <see cref="DigestHour"/> is the local hour after which digests go out.</summary>
public sealed record InboxSettingsViewModel(DeliveryMode Mode, int DigestHour);
