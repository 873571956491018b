using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="LessonVersion"/> is stored.</summary>
public sealed class LessonVersionConfiguration : IEntityTypeConfiguration<LessonVersion>
{
    public void Configure(EntityTypeBuilder<LessonVersion> builder)
    {
        builder.ToTable("curriculum_lesson_versions");
        builder.Property(v => v.LessonKey).HasMaxLength(201);
        builder.Property(v => v.Language).HasMaxLength(8);
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.Prompt).HasMaxLength(4000);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(v => new { v.LessonKey, v.Language, v.Number }).IsUnique();
    }
}
