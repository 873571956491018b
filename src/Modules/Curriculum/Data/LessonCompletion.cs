namespace ChangeAgentAcademy.Curriculum.Data;

public class LessonCompletion
{
    public Guid UserId { get; set; }

    public string LessonKey { get; set; } = "";

    public DateTime CompletedUtc { get; set; }
}
