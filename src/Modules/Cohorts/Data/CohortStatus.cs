namespace ChangeAgentAcademy.Cohorts.Data;

public enum CohortStatus
{
    Open,
    Closed,
}
