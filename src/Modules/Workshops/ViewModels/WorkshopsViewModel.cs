namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record WorkshopsViewModel(
    IReadOnlyList<SessionRow> Upcoming, IReadOnlyList<SessionRow> Mine, IReadOnlyList<SessionRow> Facilitating, IReadOnlyList<SessionRow> Attended,
    bool CanBook, bool CanManage, bool CanRequest, DateTime NowUtc);
