using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>How <see cref="WorkshopIdea"/> is stored.</summary>
public sealed class WorkshopIdeaConfiguration : IEntityTypeConfiguration<WorkshopIdea>
{
    public void Configure(EntityTypeBuilder<WorkshopIdea> builder)
    {
        builder.ToTable("workshops_ideas");
        builder.Property(x => x.Text).HasMaxLength(1000);
        builder.Property(x => x.PdsaUrl).HasMaxLength(300);
        builder.HasIndex(x => x.SessionId);
        // A WorkshopIdea belongs to its WorkshopSession: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<WorkshopSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
