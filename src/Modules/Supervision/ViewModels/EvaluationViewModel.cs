using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record EvaluationViewModel(SupervisionGroup Group, GroupAccess Access, long? OpenPoint, IReadOnlyList<EvaluationAggregate> Aggregates, EvaluationAnswers? Typed = null, CitizenDataWarning? CitizenData = null);
