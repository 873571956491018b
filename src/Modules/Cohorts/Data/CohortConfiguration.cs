using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Cohorts.Data;

/// <summary>How <see cref="Cohort"/> is stored.</summary>
public sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.ToTable("cohorts_cohorts");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Track).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => c.StartDate);
    }
}
