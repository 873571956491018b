using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="ProgrammeModule"/> is stored.</summary>
public sealed class ProgrammeModuleConfiguration : IEntityTypeConfiguration<ProgrammeModule>
{
    public void Configure(EntityTypeBuilder<ProgrammeModule> builder)
    {
        builder.ToTable("curriculum_modules");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(100);
        builder.Property(m => m.Tracks).HasMaxLength(100);
    }
}
