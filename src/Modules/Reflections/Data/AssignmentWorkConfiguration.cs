using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="AssignmentWork"/> is stored.</summary>
public sealed class AssignmentWorkConfiguration : IEntityTypeConfiguration<AssignmentWork>
{
    public void Configure(EntityTypeBuilder<AssignmentWork> builder)
    {
        builder.ToTable("reflections_work");
        builder.Property(x => x.LessonKey).HasMaxLength(200);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Revision).IsConcurrencyToken();
        builder.HasIndex(x => new { x.ScheduledId, x.UserId }).IsUnique();
        builder.HasIndex(x => new { x.UserId, x.CohortId });
        builder.HasIndex(x => new { x.Active, x.Status, x.DueUtc });
        builder.HasIndex(x => new { x.CohortId, x.Status, x.LastSubmittedUtc });
    }
}
