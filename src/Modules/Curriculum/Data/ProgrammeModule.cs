namespace ChangeAgentAcademy.Curriculum.Data;

/// <summary>A programme module (M1 … M7, the leader track). Structure only; texts are per language.</summary>
public class ProgrammeModule
{
    public string Id { get; set; } = "";

    public int Order { get; set; }

    /// <summary>Comma-separated cohort tracks that include the module: trainee, leader.</summary>
    public string Tracks { get; set; } = "";
}
