using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Outcomes.Data;

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("outcomes_certificates");
        b.HasKey(x => x.Id);
        // Exactly one certificate per person and track, however many issuing runs race (the database decides).
        b.HasIndex(x => new { x.PersonId, x.Track }).IsUnique();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Track).HasMaxLength(20);
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.PersonName).HasMaxLength(256);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.CohortName).HasMaxLength(200);
        b.Property(x => x.SignedBy).HasMaxLength(256);
        b.Property(x => x.Completed).HasMaxLength(500);
        b.Property(x => x.RevokedReason).HasMaxLength(500);
    }
}
