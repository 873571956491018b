using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record ContractViewModel(Guid GroupId, string GroupName, int Version, string Contract, CitizenDataWarning? CitizenData = null);
