using System.Text.RegularExpressions;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// What makes a rubric valid when an author edits it in the browser: a title, 2–8 criteria, each with an id
/// (lower-case letters, digits and hyphens, unique: the id is what a review's marks refer to, the same in every
/// language), a name and three non-empty level descriptors. Returns text keys with their arguments, in order.
/// </summary>
public static partial class RubricRules
{
    public const int MinCriteria = 2;
    public const int MaxCriteria = 8;
    public const int MaxName = 200;
    public const int MaxLevel = 600;
    public const int MaxGuidance = 8000;

    public static IReadOnlyList<(string Key, object[] Args)> Validate(string? title, IReadOnlyList<RubricRow> criteria)
    {
        var problems = new List<(string, object[])>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(("RubricTitleRequired", []));
        }

        if (criteria.Count is < MinCriteria or > MaxCriteria)
        {
            problems.Add(("RubricCriteriaCount", [MinCriteria, MaxCriteria, criteria.Count]));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var n = i + 1;
            if (!IdPattern().IsMatch(c.Id))
            {
                problems.Add(("RubricIdInvalid", [n]));
            }
            else if (!seen.Add(c.Id))
            {
                problems.Add(("RubricIdDuplicate", [n, c.Id]));
            }

            if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > MaxName)
            {
                problems.Add(("RubricNameRequired", [n, MaxName]));
            }

            if (c.Levels.Count != 3 || c.Levels.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > MaxLevel))
            {
                problems.Add(("RubricLevelsRequired", [n, MaxLevel]));
            }
        }

        return problems;
    }

    /// <summary>The reviewers' feedback guidance: required (every shipped rubric has some), at most <see cref="MaxGuidance"/> characters.</summary>
    public static IReadOnlyList<(string Key, object[] Args)> ValidateGuidance(string? guidance) =>
        string.IsNullOrWhiteSpace(guidance) || guidance.Trim().Length > MaxGuidance ? [("RubricGuidanceRequired", [MaxGuidance])] : [];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
