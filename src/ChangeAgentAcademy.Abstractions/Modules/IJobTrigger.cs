namespace ChangeAgentAcademy.Modules;

/// <summary>Queues a module's job to run now (e.g. drain the outbox right after a password-reset mail is queued).</summary>
public interface IJobTrigger
{
    void Trigger(string jobId);
}
