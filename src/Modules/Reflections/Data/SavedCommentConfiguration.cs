using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>How <see cref="SavedComment"/> is stored.</summary>
public sealed class SavedCommentConfiguration : IEntityTypeConfiguration<SavedComment>
{
    public const int MaxText = 2000;

    public void Configure(EntityTypeBuilder<SavedComment> builder)
    {
        builder.ToTable("reflections_saved_comments");
        builder.Property(x => x.Text).HasMaxLength(MaxText);
        builder.HasIndex(x => x.OwnerId);
    }
}
