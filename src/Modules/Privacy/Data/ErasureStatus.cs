namespace ChangeAgentAcademy.Privacy.Data;

/// <summary>
/// A request's state (stored as text). <see cref="Waiting"/> for the officer, withdrawable by the person;
/// <see cref="Erasing"/> once an erasure has claimed it (no longer withdrawable; stays so after a crash part-way, until
/// running the erasure again finishes it); then <see cref="Done"/>; or <see cref="Withdrawn"/> by the person.
/// </summary>
public enum ErasureStatus
{
    Waiting,
    Done,
    Withdrawn,
    Erasing,
}
