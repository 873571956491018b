using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>The owning modules' answers for a set of people, fetched once; <see cref="For"/> makes one person's facts against a track.</summary>
public sealed record FactSet(
    IReadOnlyDictionary<Guid, int> LessonsRead,
    IReadOnlyDictionary<Guid, AssignmentOutcome> Outcomes,
    IReadOnlyDictionary<Guid, int> SessionsAttended,
    IReadOnlyDictionary<Guid, IReadOnlyList<DateTime>> Workshops)
{
    public PersonFacts For(Guid person, TrackTotals track) => new(
        LessonsRead.GetValueOrDefault(person), track.Lessons.Count,
        Outcomes.GetValueOrDefault(person)?.ReflectionsAccepted ?? 0, track.Reflections,
        Outcomes.GetValueOrDefault(person)?.PracticalsHandedIn ?? 0, track.Practicals,
        SessionsAttended.GetValueOrDefault(person),
        Workshops.GetValueOrDefault(person) ?? []);
}
