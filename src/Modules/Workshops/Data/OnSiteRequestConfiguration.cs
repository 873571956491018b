using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>How <see cref="OnSiteRequest"/> is stored.</summary>
public sealed class OnSiteRequestConfiguration : IEntityTypeConfiguration<OnSiteRequest>
{
    public void Configure(EntityTypeBuilder<OnSiteRequest> builder)
    {
        builder.ToTable("workshops_requests");
        builder.Property(x => x.Wishes).HasMaxLength(2000);
        builder.Property(x => x.DeclineMessage).HasMaxLength(1000);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => new { x.Status, x.CreatedUtc });
        builder.HasIndex(x => x.LeaderId);
    }
}
