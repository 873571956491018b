using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record ContractViewModel(Guid GroupId, string GroupName, int Version, string Contract);
