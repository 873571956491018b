using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record Person(Guid Id, string Name);
