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

    /// <summary>
    /// Test only, off by default: maps <c>POST /test-hooks/jobs/{id}</c> (loopback callers only), which runs a
    /// recurring job in this process at once, so tests/two-nodes.sh can run the dispatcher on both nodes together.
    /// </summary>
    public bool RunNowHook { get; set; }
}
