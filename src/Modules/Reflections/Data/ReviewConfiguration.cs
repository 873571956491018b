using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="Review"/> is stored.</summary>
public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reflections_reviews");
        builder.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(x => x.WorkId);
        // A Review belongs to its AssignmentWork: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<AssignmentWork>().WithMany().HasForeignKey(x => x.WorkId).OnDelete(DeleteBehavior.Cascade);
    }
}
