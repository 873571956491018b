using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CalendarRow(ModuleRelease Release, string? ModuleTitle);
