using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record SessionViewModel(
    SupervisionGroup Group, GroupAccess Access, SupervisionSession Session, IReadOnlyList<AttendanceRow> People, IReadOnlyList<PersonRow> Presenters, IReadOnlyList<PersonRow> SwapCandidates,
    bool CanChange, string StartsLocal, string? NotesDraft = null, string? MoveLocal = null, CitizenDataWarning? NotesCitizenData = null);
