using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="KitDocument"/> is stored.</summary>
public sealed class KitDocumentConfiguration : IEntityTypeConfiguration<KitDocument>
{
    public void Configure(EntityTypeBuilder<KitDocument> builder)
    {
        builder.ToTable("curriculum_kit_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasMaxLength(100);
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Audience).HasMaxLength(100);
        builder.Property(d => d.Track).HasMaxLength(32);
    }
}
