using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>How <see cref="GroupMember"/> is stored.</summary>
public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("supervision_members");
        builder.HasKey(x => new { x.GroupId, x.UserId });
        builder.HasIndex(x => x.UserId);
        // A GroupMember belongs to its SupervisionGroup: the database refuses an orphan and removes the rows with their parent.
        builder.HasOne<SupervisionGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
