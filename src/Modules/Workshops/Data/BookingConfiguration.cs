using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>How <see cref="Booking"/> is stored.</summary>
public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("workshops_bookings");
        builder.HasKey(x => new { x.SessionId, x.UserId });
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(x => new { x.SessionId, x.Status, x.BookedUtc });
        builder.HasIndex(x => x.UserId);
        // A Booking belongs to its WorkshopSession: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<WorkshopSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
