using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record TrainerCount(string Trainer, int Waiting, int ReviewedLast30Days);
