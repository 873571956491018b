using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="ContentFingerprint"/> is stored.</summary>
public sealed class ContentFingerprintConfiguration : IEntityTypeConfiguration<ContentFingerprint>
{
    public void Configure(EntityTypeBuilder<ContentFingerprint> builder)
    {
        builder.ToTable("curriculum_content_fingerprint");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Value).HasMaxLength(64);
    }
}
