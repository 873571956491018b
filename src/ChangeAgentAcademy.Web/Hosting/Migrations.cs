using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>The explicit upgrade command for PostgreSQL and SQL Server sites.</summary>
internal static class Migrations
{
    public static async Task<int> ApplyAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), builder.Configuration);
        builder.Services.AddAcademyDatabase(database, builder.Environment.ContentRootPath, catalog);
        builder.Services.AddSharedKeys();
        await using var provider = builder.Services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Console.WriteLine($"{database.Provider}: applied {pending.Count} migration(s){(pending.Count > 0 ? ": " + string.Join(", ", pending) : "")}.");
        if (SharedKeys.EnsureKey(provider, TimeProvider.System))
        {
            Console.WriteLine("Made the first data-protection key (shared by every node).");
        }

        return 0;
    }
}
