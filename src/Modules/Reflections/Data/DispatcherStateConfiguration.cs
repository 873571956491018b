using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="DispatcherState"/> is stored.</summary>
public sealed class DispatcherStateConfiguration : IEntityTypeConfiguration<DispatcherState>
{
    public void Configure(EntityTypeBuilder<DispatcherState> builder)
    {
        builder.ToTable("reflections_dispatcher");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.MembershipStamp).HasMaxLength(200);
    }
}
