using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="LessonCompletion"/> is stored.</summary>
public sealed class LessonCompletionConfiguration : IEntityTypeConfiguration<LessonCompletion>
{
    public void Configure(EntityTypeBuilder<LessonCompletion> builder)
    {
        builder.ToTable("curriculum_completions");
        builder.HasKey(c => new { c.UserId, c.LessonKey });
        builder.Property(c => c.LessonKey).HasMaxLength(201);
    }
}
