using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>How <see cref="WorkshopSession"/> is stored.</summary>
public sealed class WorkshopSessionConfiguration : IEntityTypeConfiguration<WorkshopSession>
{
    public void Configure(EntityTypeBuilder<WorkshopSession> builder)
    {
        builder.ToTable("workshops_sessions");
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.Place).HasMaxLength(200);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => x.StartsUtc);
    }
}
