namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ProgrammeViewModel(IReadOnlyList<ModuleProgressRow> Modules, ResumeLinkRow? Resume, string? CohortName, bool Finished, IReadOnlyList<CompletionCriteriaRow>? Completion = null);
