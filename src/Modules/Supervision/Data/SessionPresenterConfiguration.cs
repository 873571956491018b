using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>How <see cref="SessionPresenter"/> is stored.</summary>
public sealed class SessionPresenterConfiguration : IEntityTypeConfiguration<SessionPresenter>
{
    public void Configure(EntityTypeBuilder<SessionPresenter> builder)
    {
        builder.ToTable("supervision_presenters");
        builder.HasKey(x => new { x.SessionId, x.UserId });
        builder.HasIndex(x => x.UserId);
        // A SessionPresenter belongs to its SupervisionSession: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<SupervisionSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
