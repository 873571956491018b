using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>How <see cref="SupervisionGroup"/> is stored.</summary>
public sealed class SupervisionGroupConfiguration : IEntityTypeConfiguration<SupervisionGroup>
{
    public void Configure(EntityTypeBuilder<SupervisionGroup> builder)
    {
        builder.ToTable("supervision_groups");
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.TimeZone).HasMaxLength(64);
        builder.Property(x => x.Place).HasMaxLength(200);
        builder.Property(x => x.Contract).HasMaxLength(20_000);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => x.SupervisorId);
        builder.HasIndex(x => x.CreatedBy);
    }
}
