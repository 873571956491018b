using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="Submission"/> is stored.</summary>
public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("reflections_submissions");
        builder.Property(x => x.SubmitToken).HasMaxLength(64);
        builder.HasIndex(x => new { x.WorkId, x.Number }).IsUnique();
        builder.HasIndex(x => new { x.WorkId, x.SubmitToken }).IsUnique();
        // A Submission belongs to its AssignmentWork: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<AssignmentWork>().WithMany().HasForeignKey(x => x.WorkId).OnDelete(DeleteBehavior.Cascade);
    }
}
