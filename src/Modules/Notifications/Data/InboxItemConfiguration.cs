using ChangeAgentAcademy.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Notifications.Data;

/// <summary>How <see cref="InboxItem"/> is stored.</summary>
public sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> builder)
    {
        builder.ToTable("notifications_inbox");
        builder.Property(i => i.Key).HasMaxLength(200);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.Property(i => i.Subject).HasMaxLength(Notifier.SubjectLength);
        builder.Property(i => i.Body).HasMaxLength(Notifier.BodyLength);
        builder.Property(i => i.Url).HasMaxLength(300);
        builder.Property(i => i.Mail).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.UserId, i.ReadUtc, i.CreatedUtc });
        builder.HasIndex(i => new { i.Mail, i.CreatedUtc });
    }
}
