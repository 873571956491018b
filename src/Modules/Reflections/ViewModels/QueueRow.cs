using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record QueueRow(long WorkId, string Trainee, string Cohort, string Title, string ModuleId, int Version, DateTime SubmittedUtc, bool Late, WorkStatus Status);
