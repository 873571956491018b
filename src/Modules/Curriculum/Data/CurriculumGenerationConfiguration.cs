using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>How <see cref="CurriculumGeneration"/> is stored.</summary>
public sealed class CurriculumGenerationConfiguration : IEntityTypeConfiguration<CurriculumGeneration>
{
    public void Configure(EntityTypeBuilder<CurriculumGeneration> builder)
    {
        builder.ToTable("curriculum_generation");
        builder.Property(g => g.Id).ValueGeneratedNever();
    }
}
