namespace ChangeAgentAcademy.Modules;

/// <summary>
/// An idempotent start-up step a module contributes (Orchard's recipe step): content import, demo data.
/// Running it twice must change nothing.
/// </summary>
public interface IImportStep
{
    /// <summary>Lower runs first. Core demo people run at 0.</summary>
    int Order { get; }

    Task RunAsync(ImportContext context, CancellationToken cancellationToken);
}
