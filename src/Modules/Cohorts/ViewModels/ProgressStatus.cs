using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

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
