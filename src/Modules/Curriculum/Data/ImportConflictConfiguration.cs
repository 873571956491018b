using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="ImportConflict"/> is stored.</summary>
public sealed class ImportConflictConfiguration : IEntityTypeConfiguration<ImportConflict>
{
    public void Configure(EntityTypeBuilder<ImportConflict> builder)
    {
        builder.ToTable("curriculum_import_conflicts");
        builder.Property(c => c.LessonKey).HasMaxLength(201);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.File).HasMaxLength(400);
        builder.Property(c => c.IncomingHash).HasMaxLength(64);
        builder.Property(c => c.IncomingTitle).HasMaxLength(200);
        builder.Property(c => c.IncomingPrompt).HasMaxLength(4000);
        builder.Property(c => c.Resolution).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => new { c.LessonKey, c.Language });
    }
}
