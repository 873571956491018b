namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record TrainerCountRow(string Trainer, int Waiting, int ReviewedLast30Days);
