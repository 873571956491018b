using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Cohorts.Data;

/// <summary>How <see cref="CohortTrainer"/> is stored.</summary>
public sealed class CohortTrainerConfiguration : IEntityTypeConfiguration<CohortTrainer>
{
    public void Configure(EntityTypeBuilder<CohortTrainer> builder)
    {
        builder.ToTable("cohorts_trainers");
        builder.HasKey(x => new { x.CohortId, x.UserId });
        builder.HasIndex(x => x.UserId);
        // A CohortTrainer belongs to its Cohort: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}
