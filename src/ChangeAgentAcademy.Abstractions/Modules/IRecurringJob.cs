namespace ChangeAgentAcademy.Modules;

public interface IRecurringJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
