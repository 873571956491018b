using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record GroupIndex(IReadOnlyList<GroupRow> Groups, bool CanCreate);
