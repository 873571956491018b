using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Outcomes.Data;

public sealed class CompletionProgressConfiguration : IEntityTypeConfiguration<CompletionProgress>
{
    public void Configure(EntityTypeBuilder<CompletionProgress> b)
    {
        b.ToTable("outcomes_progress");
        // The key's first column is the person: a page's "these people" lookup is an index range per person.
        b.HasKey(x => new { x.PersonId, x.Track });
        b.Property(x => x.Track).HasMaxLength(20);
    }
}
