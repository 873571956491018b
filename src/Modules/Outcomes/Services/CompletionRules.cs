namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>Pure rules: which of a track's completion rules a person meets (no database; the clock is passed in).</summary>
public static class CompletionRules
{
    public const string Reflections = "reflections";
    public const string Practicals = "practicals";
    public const string Supervision = "supervision";
    public const string Workshops = "workshops";
    public const string Lessons = "lessons";

    public static readonly IReadOnlyList<string> Tracks = ["trainee", "leader"];

    /// <summary>The rules that are on, in a fixed order, each with what the person has and needs.</summary>
    public static IReadOnlyList<RuleCheck> Evaluate(RuleSet rules, PersonFacts facts, DateTime nowUtc)
    {
        var checks = new List<RuleCheck>();
        if (rules.LessonsPercent > 0)
        {
            var need = (int)Math.Ceiling(facts.LessonsTotal * Math.Min(rules.LessonsPercent, 100) / 100.0);
            var have = Math.Min(facts.LessonsRead, facts.LessonsTotal);
            checks.Add(new RuleCheck(Lessons, have, need, have >= need));
        }

        if (rules.AllReflectionsAccepted)
        {
            var have = Math.Min(facts.ReflectionsAccepted, facts.ReflectionsTotal);
            checks.Add(new RuleCheck(Reflections, have, facts.ReflectionsTotal, have >= facts.ReflectionsTotal));
        }

        if (rules.AllPracticalsHandedIn)
        {
            var have = Math.Min(facts.PracticalsHandedIn, facts.PracticalsTotal);
            checks.Add(new RuleCheck(Practicals, have, facts.PracticalsTotal, have >= facts.PracticalsTotal));
        }

        if (rules.MinSupervisionSessions > 0)
        {
            checks.Add(new RuleCheck(Supervision, facts.SessionsAttended, rules.MinSupervisionSessions, facts.SessionsAttended >= rules.MinSupervisionSessions));
        }

        if (rules.MinWorkshops > 0)
        {
            // A booked workshop counts once it has ended; one still ahead does not.
            var attended = facts.WorkshopEnds.Count(end => end <= nowUtc);
            checks.Add(new RuleCheck(Workshops, attended, rules.MinWorkshops, attended >= rules.MinWorkshops));
        }

        return checks;
    }

    /// <summary>Complete when at least one rule is on and every rule is met.</summary>
    public static bool IsComplete(IReadOnlyList<RuleCheck> checks) => checks.Count > 0 && checks.All(c => c.Met);

    /// <summary>What a certificate lists as completed: "lessons:12;reflections:5".</summary>
    public static string Summary(IReadOnlyList<RuleCheck> checks) => string.Join(';', checks.Select(c => $"{c.Kind}:{c.Have}"));

    /// <summary>The kinds and numbers of <see cref="Summary"/>, read back (unknown parts are skipped).</summary>
    public static IReadOnlyList<(string Kind, int Count)> ParseSummary(string summary) =>
        summary.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(':'))
            .Where(p => p.Length == 2 && int.TryParse(p[1], out _))
            .Select(p => (p[0], int.Parse(p[1])))
            .ToList();

    /// <summary>Validates an administrator's input: null when it is fine, else the key of the message.</summary>
    public static string? Validate(string track, int minSupervision, int minWorkshops, int lessonsPercent) =>
        !Tracks.Contains(track) ? "UnknownTrack"
        : minSupervision is < 0 or > 100 ? "SupervisionRange"
        : minWorkshops is < 0 or > 50 ? "WorkshopsRange"
        : lessonsPercent is < 0 or > 100 ? "LessonsRange"
        : null;
}
