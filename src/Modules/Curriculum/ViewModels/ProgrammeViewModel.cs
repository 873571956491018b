namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ProgrammeViewModel(IReadOnlyList<ModuleProgress> Modules, ResumeLink? Resume, string? CohortName, bool Finished, IReadOnlyList<CompletionCriteria>? Completion = null);
