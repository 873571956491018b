using ChangeAgentAcademy.Curriculum.Services;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record AuthoringIndexViewModel(IReadOnlyList<(string ModuleTitle, IReadOnlyList<AuthoringRow> Rows)> Modules, IReadOnlyList<ConflictRow> Conflicts, ImportReport? LastImport);
