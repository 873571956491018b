using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="TrainerDigest"/> is stored.</summary>
public sealed class TrainerDigestConfiguration : IEntityTypeConfiguration<TrainerDigest>
{
    public void Configure(EntityTypeBuilder<TrainerDigest> builder)
    {
        builder.ToTable("reflections_digests");
        builder.HasKey(x => new { x.TrainerId, x.Period });
    }
}
