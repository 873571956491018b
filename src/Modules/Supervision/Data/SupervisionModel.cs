using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.Data;

internal static class SupervisionModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SupervisionGroup>(e =>
        {
            e.ToTable("supervision_groups");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Contract).HasMaxLength(20_000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.SupervisorId);
        });
        b.Entity<GroupMember>(e =>
        {
            e.ToTable("supervision_members");
            e.HasKey(x => new { x.GroupId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<SupervisionSession>(e =>
        {
            e.ToTable("supervision_sessions");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.NotesMarkdown).HasMaxLength(50_000);
            e.HasIndex(x => new { x.GroupId, x.StartsUtc });
            e.HasIndex(x => new { x.PresentersNotifiedUtc, x.StartsUtc });
        });
        b.Entity<SessionPresenter>(e =>
        {
            e.ToTable("supervision_presenters");
            e.HasKey(x => new { x.SessionId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<Attendance>(e =>
        {
            e.ToTable("supervision_attendance");
            e.HasKey(x => new { x.SessionId, x.UserId });
        });
        b.Entity<Evaluation>(e =>
        {
            e.ToTable("supervision_evaluations");
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => new { x.SessionId, x.UserId }).IsUnique();
            e.HasIndex(x => x.GroupId);
        });
    }
}
