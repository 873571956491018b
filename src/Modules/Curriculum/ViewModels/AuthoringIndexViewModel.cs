using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record AuthoringIndexViewModel(IReadOnlyList<(string ModuleTitle, IReadOnlyList<AuthoringRow> Rows)> Modules, IReadOnlyList<ConflictRow> Conflicts, ImportReport? LastImport);
