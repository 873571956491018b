using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Notifications.Data;

/// <summary>How <see cref="OutboxMessage"/> is stored.</summary>
public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("notifications_outbox");
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => new { m.SentUtc, m.NextAttemptUtc });
        builder.HasIndex(m => m.ClaimToken);
    }
}
