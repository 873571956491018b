using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>How <see cref="Evaluation"/> is stored.</summary>
public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.ToTable("supervision_evaluations");
        builder.Property(x => x.Comment).HasMaxLength(2000);
        builder.HasIndex(x => new { x.SessionId, x.UserId }).IsUnique();
        builder.HasIndex(x => x.GroupId);
        // A Evaluation belongs to its SupervisionSession: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<SupervisionSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
