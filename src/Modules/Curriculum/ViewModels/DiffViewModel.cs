using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record DiffViewModel(string ModuleId, string Slug, string Language, VersionRow From, VersionRow To, IReadOnlyList<DiffLine> Lines);
