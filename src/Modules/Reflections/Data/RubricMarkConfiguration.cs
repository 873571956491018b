using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="RubricMark"/> is stored: one level per criterion and version.</summary>
public sealed class RubricMarkConfiguration : IEntityTypeConfiguration<RubricMark>
{
    public void Configure(EntityTypeBuilder<RubricMark> builder)
    {
        builder.ToTable("reflections_rubric_marks");
        builder.Property(x => x.CriterionId).HasMaxLength(64);
        builder.HasIndex(x => new { x.SubmissionId, x.CriterionId }).IsUnique();
        builder.HasIndex(x => x.TrainerId);
        // A mark belongs to the version it marks: removed with it.
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
