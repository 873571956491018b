using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="PracticalLog"/> is stored.</summary>
public sealed class PracticalLogConfiguration : IEntityTypeConfiguration<PracticalLog>
{
    public void Configure(EntityTypeBuilder<PracticalLog> builder)
    {
        builder.ToTable("reflections_logs");
        builder.Property(x => x.Type).HasMaxLength(32);
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.FieldsJson).HasMaxLength(60_000);
        builder.Property(x => x.EventRef).HasMaxLength(100);
        builder.Property(x => x.Origin).HasMaxLength(100);
        builder.HasIndex(x => new { x.UserId, x.Type });
        builder.HasIndex(x => x.Origin);
    }
}
