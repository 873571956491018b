using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="AssignmentRubric"/> is stored.</summary>
public sealed class AssignmentRubricConfiguration : IEntityTypeConfiguration<AssignmentRubric>
{
    public void Configure(EntityTypeBuilder<AssignmentRubric> builder)
    {
        builder.ToTable("curriculum_rubrics");
        builder.HasKey(r => new { r.LessonKey, r.Language });
        builder.Property(r => r.LessonKey).HasMaxLength(201);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Hash).HasMaxLength(64);
    }
}
