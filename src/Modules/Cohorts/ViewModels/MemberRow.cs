using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record MemberRow(Guid UserId, string Name, string? Team, MemberStatus Status, int LessonsDone, int LessonsTotal, ProgressStatus Progress, AssignmentCounts? Assignments = null);
