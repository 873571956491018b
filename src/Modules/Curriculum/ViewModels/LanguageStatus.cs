using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record LanguageStatus(string Language, int? PublishedNumber, bool HasNewerDraft, bool HasConflict);
