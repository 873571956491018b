using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>A member's status from lessons done against what the cohort's calendar has opened so far.</summary>
public static class ProgressRules
{
    /// <summary><paramref name="overdue"/>: assignments past their due date with nothing handed in.</summary>
    public static ProgressStatus Status(MemberStatus membership, int done, int total, int expected, int overdue = 0)
    {
        if (membership == MemberStatus.Waitlisted)
        {
            return ProgressStatus.Waitlisted;
        }

        if (total > 0 && done >= total)
        {
            return ProgressStatus.Completed;
        }

        if (overdue > 0)
        {
            return ProgressStatus.Overdue;
        }

        if (done == 0 && expected == 0)
        {
            return ProgressStatus.NotStarted;
        }

        return done >= expected ? ProgressStatus.OnTrack : ProgressStatus.Behind;
    }

    /// <summary>Lessons in the modules opened so far.</summary>
    public static int Expected(IReadOnlyList<OutlineModule> modules, int releasedModules) =>
        modules.Take(releasedModules).Sum(m => m.LessonKeys.Count);

    public static string TrackName(CohortTrack track) => track == CohortTrack.Leader ? "leader" : "trainee";

    public const int ModulesWithoutCurriculum = 7;
}
