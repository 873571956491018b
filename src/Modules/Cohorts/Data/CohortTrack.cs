namespace ChangeAgentAcademy.Cohorts.Data;

public enum CohortTrack
{
    Trainee,
    Leader,
}
