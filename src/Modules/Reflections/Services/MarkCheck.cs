namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// What <see cref="ReviewMarkRules.Check"/> made of the posted marks: the levels it accepted (criterion id → 1..3),
/// the criteria left without a level, the posted ids the rubric does not have, and the criteria whose level is not 1, 2 or 3.
/// </summary>
public sealed record MarkCheck(IReadOnlyDictionary<string, int> Levels, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown, IReadOnlyList<string> Invalid)
{
    public bool Ok => Missing.Count == 0 && Unknown.Count == 0 && Invalid.Count == 0;
}
