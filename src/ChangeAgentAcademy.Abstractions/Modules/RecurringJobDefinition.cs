namespace ChangeAgentAcademy.Modules;

/// <summary>A job a module runs on a schedule. The job type is resolved from DI in a scope per run.</summary>
public sealed record RecurringJobDefinition(string Id, string Cron, Type JobType)
{
    public static RecurringJobDefinition For<TJob>(string id, string cron) where TJob : IRecurringJob => new(id, cron, typeof(TJob));
}
