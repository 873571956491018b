using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Outcomes.Data;

public sealed class CompletionRuleConfiguration : IEntityTypeConfiguration<CompletionRule>
{
    public void Configure(EntityTypeBuilder<CompletionRule> b)
    {
        b.ToTable("outcomes_rules");
        b.HasKey(x => x.Track);
        b.Property(x => x.Track).HasMaxLength(20);
    }
}
