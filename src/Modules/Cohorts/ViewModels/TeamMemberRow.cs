using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record TeamMemberRow(Guid UserId, string Name, string Email, Guid? CohortId, string? Cohort, DateOnly? CohortStart, MemberStatus? Membership, int LessonsDone, int LessonsTotal, ProgressStatus? Progress, AssignmentCounts? Assignments = null, CompletionStatus? Completion = null)
{
    public int Percent => LessonsTotal == 0 ? 0 : (int)Math.Round(100.0 * LessonsDone / LessonsTotal);
}
