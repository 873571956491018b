using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Privacy.Data;

public sealed class PrivacyExportConfiguration : IEntityTypeConfiguration<PrivacyExport>
{
    public void Configure(EntityTypeBuilder<PrivacyExport> builder)
    {
        builder.ToTable("privacy_exports");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => x.RequestedBy);
        builder.HasIndex(x => x.UserId);
        builder.HasIndex(x => new { x.Status, x.ExpiresUtc });
    }
}
