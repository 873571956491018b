using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Notifications.Data;

/// <summary>How <see cref="NotificationPreference"/> is stored.</summary>
public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notifications_preferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
    }
}
