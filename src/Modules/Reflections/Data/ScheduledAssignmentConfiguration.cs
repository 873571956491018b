using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="ScheduledAssignment"/> is stored.</summary>
public sealed class ScheduledAssignmentConfiguration : IEntityTypeConfiguration<ScheduledAssignment>
{
    public void Configure(EntityTypeBuilder<ScheduledAssignment> builder)
    {
        builder.ToTable("reflections_schedule");
        builder.Property(x => x.LessonKey).HasMaxLength(200);
        builder.Property(x => x.ModuleId).HasMaxLength(100);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => new { x.CohortId, x.LessonKey }).IsUnique();
        builder.HasIndex(x => new { x.ReleasedUtc, x.ReleaseUtc });
    }
}
