using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record VersionRow(long Id, int Number, VersionStatus Status, VersionSource Source, string Title, DateTime CreatedUtc, string? CreatedBy, DateTime? PublishedUtc, string? PublishedBy);
