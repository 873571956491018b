using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="Lesson"/> is stored.</summary>
public sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("curriculum_lessons");
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(201);
        builder.Property(l => l.ModuleId).HasMaxLength(100);
        builder.Property(l => l.Slug).HasMaxLength(100);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.PracticalType).HasMaxLength(32);
        builder.HasIndex(l => l.ModuleId);
    }
}
