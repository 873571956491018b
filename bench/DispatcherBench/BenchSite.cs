using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DispatcherBench;

/// <summary>The real site (Program, all modules) on the bench's database: no demo data, no Hangfire server, quiet logs.</summary>
public sealed class BenchSite(string provider, string connectionString, string folder, string contentPath, IReadOnlyDictionary<string, string?> extra)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Enabled"] = "false",
            ["Jobs:RunServer"] = "false",
            ["Curriculum:ContentPath"] = contentPath,
            ["Mail:PickupFolder"] = Path.Combine(folder, "mail"),
            // Required in Production (mail links are built from it); the bench sends no mail.
            ["Site:PublicUrl"] = "https://academy.example.org",
            ["Logging:LogLevel:Default"] = "Warning",
            // MigrateAsync on a new PostgreSQL database logs its probe of the missing history table as an error.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Critical",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // The site attaches every IInterceptor in DI to its contexts: time each statement and transaction.
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Timings.Commands);
            services.AddSingleton<IInterceptor>(Timings.Transactions);
            services.AddSingleton<IInterceptor>(Timings.Connections);
        });
    }
}
