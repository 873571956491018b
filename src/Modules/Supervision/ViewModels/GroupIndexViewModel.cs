using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record GroupIndexViewModel(IReadOnlyList<GroupRow> Groups, bool CanCreate);
