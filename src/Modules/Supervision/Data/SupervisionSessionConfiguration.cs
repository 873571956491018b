using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>How <see cref="SupervisionSession"/> is stored.</summary>
public sealed class SupervisionSessionConfiguration : IEntityTypeConfiguration<SupervisionSession>
{
    public void Configure(EntityTypeBuilder<SupervisionSession> builder)
    {
        builder.ToTable("supervision_sessions");
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.NotesMarkdown).HasMaxLength(50_000);
        builder.HasIndex(x => new { x.GroupId, x.StartsUtc });
        builder.HasIndex(x => new { x.PresentersNotifiedUtc, x.StartsUtc });
        // A SupervisionSession belongs to its SupervisionGroup: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<SupervisionGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
