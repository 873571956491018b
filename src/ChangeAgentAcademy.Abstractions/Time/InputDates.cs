namespace ChangeAgentAcademy.Time;

/// <summary>
/// The range of dates a person may type anywhere (cohort starts, schedule moves, sessions, workshops).
/// Nothing in the programme is planned before 2000 or after 2100; outside it, time-zone arithmetic on
/// year 9999 overflows and 0001 is almost always a typing slip.
/// </summary>
public static class InputDates
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool IsSane(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    public static bool IsSane(DateTime value) => value.Year is >= MinYear and <= MaxYear;

    public static bool IsSane(DateTimeOffset value) => value.Year is >= MinYear and <= MaxYear;

    /// <summary>True for the date types this rule applies to (and their nullable forms).</summary>
    public static bool AppliesTo(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset);
    }

    public static bool IsSane(object value) => value switch
    {
        DateOnly d => IsSane(d),
        DateTime d => IsSane(d),
        DateTimeOffset d => IsSane(d),
        _ => true,
    };
}
