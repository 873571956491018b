using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="Reminder"/> is stored.</summary>
public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reflections_reminders");
        builder.HasKey(x => new { x.WorkId, x.Kind });
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        // A Reminder belongs to its AssignmentWork: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<AssignmentWork>().WithMany().HasForeignKey(x => x.WorkId).OnDelete(DeleteBehavior.Cascade);
    }
}
