using ChangeAgentAcademy.Modules;
using Microsoft.Extensions.Configuration;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Imports content/ at start, unless its files are the ones the last clean import read
/// (<see cref="ContentImporter.ImportIfChangedAsync"/>). <c>Curriculum:ContentPath</c> overrides the folder (a published site).
/// </summary>
internal sealed class CurriculumImportStep(ContentImporter importer, IConfiguration configuration) : IImportStep
{
    public int Order => 20;

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken) =>
        await importer.ImportIfChangedAsync(ContentPath(configuration, context.ContentRoot), cancellationToken);

    public static string ContentPath(IConfiguration configuration, string fallback) =>
        configuration["Curriculum:ContentPath"] is { Length: > 0 } path ? Path.GetFullPath(path) : fallback;
}
