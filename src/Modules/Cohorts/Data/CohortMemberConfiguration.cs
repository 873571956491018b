using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Cohorts.Data;

/// <summary>How <see cref="CohortMember"/> is stored.</summary>
public sealed class CohortMemberConfiguration : IEntityTypeConfiguration<CohortMember>
{
    public void Configure(EntityTypeBuilder<CohortMember> builder)
    {
        builder.ToTable("cohorts_members");
        builder.HasKey(x => new { x.CohortId, x.UserId });
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => x.UserId);
        builder.HasIndex(x => new { x.CohortId, x.Status, x.EnrolledUtc });
        // A CohortMember belongs to its Cohort: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
