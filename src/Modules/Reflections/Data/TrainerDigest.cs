namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>A trainer's digest of waiting reviews: one per trainer and period (the local date).</summary>
public class TrainerDigest
{
    public Guid TrainerId { get; set; }

    public DateOnly Period { get; set; }

    public int Waiting { get; set; }

    public DateTime CreatedUtc { get; set; }
}
