using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record GroupViewModel(
    SupervisionGroup Group, GroupAccess Access, string Supervisor, string ContractHtml, IReadOnlyList<MemberRow> Members, IReadOnlyList<SessionRow> Upcoming, IReadOnlyList<SessionRow> Past,
    IReadOnlyList<PersonRow> Addable, bool MeAgreed, bool EvaluationOpen, string? SizeWarning, string? NewSessionLocal = null, string? NewSessionError = null);
