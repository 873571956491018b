namespace ChangeAgentAcademy.Web.Jobs;

/// <summary>Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process (off in some tests and on web-only nodes).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>How many site nodes share the database. More than one needs database job storage.</summary>
    public int Nodes { get; set; } = 1;

    public int WorkerCount { get; set; } = 2;
}
