namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// The rules of marking a rubric: when the assignment has a rubric, a decision (accept or ask for a revision)
/// needs a level 1–3 for every criterion; an id the rubric does not have is refused (a stale form or a forged
/// one); without a rubric no marks are accepted and the review is free text as before.
/// </summary>
public static class ReviewMarkRules
{
    public const int Levels = 3;

    /// <param name="criteria">The rubric's criterion ids in order; null when the assignment has no rubric.</param>
    /// <param name="posted">What the form sent (criterion id → level text); empty values count as not marked.</param>
    public static MarkCheck Check(IReadOnlyList<string>? criteria, IReadOnlyDictionary<string, string?>? posted)
    {
        posted ??= new Dictionary<string, string?>();
        var known = criteria ?? [];
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var invalid = new List<string>();
        foreach (var id in known)
        {
            if (!posted.TryGetValue(id, out var text) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= Levels)
            {
                levels[id] = level;
            }
            else
            {
                invalid.Add(id);
            }
        }

        var unknown = posted.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var missing = known.Where(id => !levels.ContainsKey(id) && !invalid.Contains(id)).ToList();
        return new MarkCheck(levels, missing, unknown, invalid);
    }
}
