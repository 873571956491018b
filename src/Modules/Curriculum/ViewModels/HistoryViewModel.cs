using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record HistoryViewModel(string ModuleId, string Slug, string Language, string Title, IReadOnlyList<VersionRow> Versions);
