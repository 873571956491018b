using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="ModuleText"/> is stored.</summary>
public sealed class ModuleTextConfiguration : IEntityTypeConfiguration<ModuleText>
{
    public void Configure(EntityTypeBuilder<ModuleText> builder)
    {
        builder.ToTable("curriculum_module_texts");
        builder.HasKey(t => new { t.ModuleId, t.Language });
        builder.Property(t => t.ModuleId).HasMaxLength(100);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Summary).HasMaxLength(1000);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.ObjectivesHash).HasMaxLength(64);
    }
}
