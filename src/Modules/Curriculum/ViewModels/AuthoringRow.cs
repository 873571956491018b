using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record AuthoringRow(string ModuleId, string Slug, LessonKind Kind, string Title, IReadOnlyList<LanguageStatus> Languages);
