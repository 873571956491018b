namespace ChangeAgentAcademy.Modules;

/// <summary>
/// One person's assignment work in counts. <paramref name="ReflectionsAccepted"/> and <paramref name="PracticalsHandedIn"/>
/// count distinct assignment keys; <paramref name="OnTime"/>/<paramref name="Late"/> judge the first version handed in;
/// <paramref name="Overdue"/> is nothing handed in and the due date passed; accepted after 1, 2, or 3 or more versions.
/// </summary>
public sealed record AssignmentOutcome(
    int ReflectionsAccepted,
    int PracticalsHandedIn,
    int OnTime,
    int Late,
    int Overdue,
    int AcceptedFirst,
    int AcceptedSecond,
    int AcceptedLater);
