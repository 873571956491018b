using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="KitDocumentText"/> is stored.</summary>
public sealed class KitDocumentTextConfiguration : IEntityTypeConfiguration<KitDocumentText>
{
    public void Configure(EntityTypeBuilder<KitDocumentText> builder)
    {
        builder.ToTable("curriculum_kit_texts");
        builder.HasKey(t => new { t.DocId, t.Language });
        builder.Property(t => t.DocId).HasMaxLength(100);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Summary).HasMaxLength(1000);
        builder.Property(t => t.Hash).HasMaxLength(64);
    }
}
