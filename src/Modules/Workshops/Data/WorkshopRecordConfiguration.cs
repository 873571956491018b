using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>How <see cref="WorkshopRecord"/> is stored.</summary>
public sealed class WorkshopRecordConfiguration : IEntityTypeConfiguration<WorkshopRecord>
{
    public void Configure(EntityTypeBuilder<WorkshopRecord> builder)
    {
        builder.ToTable("workshops_records");
        builder.HasKey(x => x.SessionId);
        foreach (var p in new[] { nameof(WorkshopRecord.Critique), nameof(WorkshopRecord.VisionHowWeWork), nameof(WorkshopRecord.VisionValues), nameof(WorkshopRecord.VisionResidents) })
        {
            builder.Property(p).HasMaxLength(10_000);
        }
        // A WorkshopRecord belongs to its WorkshopSession: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<WorkshopSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
