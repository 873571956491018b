using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>Builds the readers' snapshot of the published curriculum at start, as the first lesson, module or start
/// page would (seven queries, ~0.13 s of a cold start's first lesson request).</summary>
internal sealed class CatalogWarmUp(CurriculumCatalog catalog) : IStartupWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) => catalog.GetForReadersAsync(cancellationToken);
}
