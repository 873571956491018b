using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>How <see cref="Attendance"/> is stored.</summary>
public sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("supervision_attendance");
        builder.HasKey(x => new { x.SessionId, x.UserId });
        // A Attendance belongs to its SupervisionSession: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<SupervisionSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
