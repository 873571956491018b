using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Cohorts.Data;

/// <summary>How <see cref="EnrolmentRequest"/> is stored.</summary>
public sealed class EnrolmentRequestConfiguration : IEntityTypeConfiguration<EnrolmentRequest>
{
    public void Configure(EntityTypeBuilder<EnrolmentRequest> builder)
    {
        builder.ToTable("cohorts_requests");
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Message).HasMaxLength(1000);
        builder.HasIndex(x => new { x.UserId, x.Status });
        builder.HasIndex(x => new { x.CohortId, x.Status });
        // A EnrolmentRequest belongs to its Cohort: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
