namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>One row: a counter bumped by every import or publish. Page caches are keyed by it, so every node sees a change at once.</summary>
public class CurriculumGeneration
{
    public int Id { get; set; }

    public long Generation { get; set; }
}
