using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record MemberRow(Guid UserId, string Name, string? Team, MemberStatus Status, int LessonsDone, int LessonsTotal, ProgressStatus Progress, AssignmentCounts? Assignments = null, CompletionStatus? Completion = null);
