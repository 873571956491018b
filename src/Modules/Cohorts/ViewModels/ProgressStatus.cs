namespace ChangeAgentAcademy.Cohorts.ViewModels;

public enum ProgressStatus
{
    NotStarted,
    OnTrack,
    Behind,
    Completed,
    Waitlisted,
    Overdue,
}
