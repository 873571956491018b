namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>
/// The level a trainer marked for one rubric criterion on one submitted version. <see cref="CriterionId"/> is the
/// rubric's stable id (the same in every language). <see cref="TrainerId"/> is null once the trainer's data was
/// erased: the mark stays on the trainee's record.
/// </summary>
public class RubricMark
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public string CriterionId { get; set; } = "";

    /// <summary>1, 2 or 3 (the rubric's three levels).</summary>
    public int Level { get; set; }

    public Guid? TrainerId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
