using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CohortRow(Guid Id, string Name, DateOnly StartDate, CohortTrack Track, CohortStatus Status, int Members, int Capacity);

public sealed record CohortDetails(
    Guid Id, string Name, string Language, CohortTrack Track, DateOnly StartDate, int CadenceWeeks, DayOfWeek CadenceDay,
    int Capacity, IReadOnlyList<string> Trainers, IReadOnlyList<MemberRow> Members);

public sealed record MemberRow(string Name, string? Team, MemberStatus Status);

public sealed record TeamMemberRow(string Name, string Email, string? Cohort, DateOnly? CohortStart);

public sealed record TeamView(string Name, IReadOnlyList<TeamMemberRow> Members);

public sealed record CohortsPanelModel(IReadOnlyList<CohortRow> Running, CohortRow? Mine, IReadOnlyList<string> MyTrainers, int TeamMembers, bool IsLeader, bool SeesAll);
