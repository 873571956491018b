using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="LessonLanguageState"/> is stored.</summary>
public sealed class LessonLanguageStateConfiguration : IEntityTypeConfiguration<LessonLanguageState>
{
    public void Configure(EntityTypeBuilder<LessonLanguageState> builder)
    {
        builder.ToTable("curriculum_lesson_states");
        builder.HasKey(s => new { s.LessonKey, s.Language });
        builder.Property(s => s.LessonKey).HasMaxLength(201);
        builder.Property(s => s.Language).HasMaxLength(8);
        builder.Property(s => s.ImportedHash).HasMaxLength(64);
        builder.Property(s => s.Revision).IsConcurrencyToken();
    }
}
