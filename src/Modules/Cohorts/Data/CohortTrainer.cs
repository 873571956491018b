namespace ChangeAgentAcademy.Cohorts.Data;

public class CohortTrainer
{
    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }
}
