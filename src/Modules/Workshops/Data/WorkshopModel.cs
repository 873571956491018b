using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.Data;

internal static class WorkshopModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<WorkshopSession>(e =>
        {
            e.ToTable("workshops_sessions");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.StartsUtc);
        });
        b.Entity<Booking>(e =>
        {
            e.ToTable("workshops_bookings");
            e.HasKey(x => new { x.SessionId, x.UserId });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.SessionId, x.Status, x.BookedUtc });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<OnSiteRequest>(e =>
        {
            e.ToTable("workshops_requests");
            e.Property(x => x.Wishes).HasMaxLength(2000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.CreatedUtc });
            e.HasIndex(x => x.LeaderId);
        });
        b.Entity<WorkshopRecord>(e =>
        {
            e.ToTable("workshops_records");
            e.HasKey(x => x.SessionId);
            foreach (var p in new[] { nameof(WorkshopRecord.Critique), nameof(WorkshopRecord.VisionHowWeWork), nameof(WorkshopRecord.VisionValues), nameof(WorkshopRecord.VisionResidents) })
            {
                e.Property(p).HasMaxLength(10_000);
            }
        });
        b.Entity<WorkshopIdea>(e =>
        {
            e.ToTable("workshops_ideas");
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.PdsaUrl).HasMaxLength(300);
            e.HasIndex(x => x.SessionId);
        });
    }
}
