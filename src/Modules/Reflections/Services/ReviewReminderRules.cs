namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// When a hand-in has waited too long for a review: once <c>Reflections:ReviewReminderDays</c> whole days have
/// passed since the version was handed in. Each version crosses the threshold once, so the reminder's key is the
/// work, the version and the trainer: a second run, or two at once, send nothing more.
/// </summary>
public static class ReviewReminderRules
{
    /// <summary>The latest hand-in time that is overdue for review at <paramref name="nowUtc"/>.</summary>
    public static DateTime Threshold(DateTime nowUtc, int days) => nowUtc.AddDays(-Math.Max(1, days));

    public static bool IsDue(DateTime submittedUtc, DateTime nowUtc, int days) => submittedUtc <= Threshold(nowUtc, days);

    public static string Key(long workId, int version, Guid trainerId) => $"reflections:review-waiting:{workId}:{version}:{trainerId:N}";

    /// <summary>The p-th percentile (0–100, nearest rank) of <paramref name="values"/>; null when there are none.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> values, int p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
