using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Hosting;
using ChangeAgentAcademy.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>
/// Every table with a person key, an address, a name or text a person writes is declared by a privacy provider
/// (Moodle's privacy test, on the EF model of every module, enabled or not), and the declarations name real columns
/// and texts that exist.
/// </summary>
public sealed class PrivacyCoverageTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().Build();

    /// <summary>The site's providers, as the host registers them, over a model of every module.</summary>
    internal static ServiceProvider Site(System.Data.Common.DbConnection? connection = null, TimeProvider? clock = null)
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddScoped<DbContext>(_ => new SqliteAppDbContext((connection is null ? new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:") : new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection)).Options, new ModuleModelSource(catalog.All)));
        foreach (var module in catalog.All)
        {
            module.ConfigureServices(services, Configuration);
        }

        services.AddScoped<IPrivacyProvider, CorePrivacyProvider>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void EveryPersonalColumn_IsDeclared_AndEveryDeclarationIsReal()
    {
        using var site = Site();
        using var scope = site.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var providers = scope.ServiceProvider.GetServices<IPrivacyProvider>().ToList();

        var problems = PersonalDataCoverage.Problems(db.Model, providers.SelectMany(p => p.Declarations));

        Assert.True(problems.Count == 0, "Personal data not accounted for (declare it in the module's IPrivacyProvider):\n" + string.Join("\n", problems));
        Assert.True(providers.Count >= 7, $"expected a provider per module with personal data and the core's, found {providers.Count}");
    }

    [Fact]
    public void EachModule_HasOneProvider_NamedAfterIt()
    {
        using var site = Site();
        using var scope = site.CreateScope();
        var modules = scope.ServiceProvider.GetServices<IPrivacyProvider>().Select(p => p.Module).ToList();

        Assert.Equal(modules.Distinct().Count(), modules.Count);
        Assert.Equal("Account", modules[^1]);
        Assert.Subset(modules.ToHashSet(), new HashSet<string> { "Cohorts", "Curriculum", "Notifications", "Reflections", "Supervision", "Workshops" });
    }

    [Fact]
    public void EveryDeclaration_HasAPurposeAndReaders_InEveryLanguage()
    {
        using var site = Site();
        using var scope = site.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>();
        var missing = new List<string>();
        foreach (var provider in scope.ServiceProvider.GetServices<IPrivacyProvider>())
        {
            var resources = provider.GetType().Assembly.GetTypes().FirstOrDefault(t => t.Namespace?.EndsWith(".Resources", StringComparison.Ordinal) == true && t.Name == provider.Module.Split('.')[0] + "Text") ?? typeof(SharedText);
            var localizer = factory.Create(resources);
            foreach (var culture in new[] { "en", "sv", "da", "fi" })
            {
                var previous = System.Globalization.CultureInfo.CurrentUICulture;
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
                try
                {
                    missing.AddRange(provider.Declarations.SelectMany(d => new[] { d.PurposeKey, d.ReadersKey })
                        .Where(key => localizer[key].ResourceNotFound)
                        .Select(key => $"{provider.Module}: {key} ({culture}, in {resources.Name})"));
                }
                finally
                {
                    System.Globalization.CultureInfo.CurrentUICulture = previous;
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public void TheRule_FindsANewUndeclaredTable()
    {
        using var fake = new FakeContext();

        var problems = PersonalDataCoverage.Problems(fake.Model, [new(typeof(InboxItem), [nameof(InboxItem.UserId), nameof(InboxItem.Subject), nameof(InboxItem.Body)], "P", "R", null, ErasureAction.Delete)]);

        Assert.Contains(problems, p => p.StartsWith("FakeNote.AuthorId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FakeNote.Text", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FakeNote.ReviewerKey", StringComparison.Ordinal) && p.Contains("key to AppUser", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FakeContact.Email", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("FakeNote.Id", StringComparison.Ordinal) || p.StartsWith("FakeNote.Title", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("InboxItem", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRule_FindsADeclaredColumnThatDoesNotExist()
    {
        using var fake = new FakeContext();

        var problems = PersonalDataCoverage.Problems(fake.Model,
        [
            new(typeof(FakeNote), [nameof(FakeNote.AuthorId), nameof(FakeNote.Text), "ReviewerKey", "Nope"], "P", "R", null, ErasureAction.Delete),
            new(typeof(FakeContact), [nameof(FakeContact.Email)], "P", "R", null, ErasureAction.Delete),
            new(typeof(string), ["Length"], "P", "R", null, ErasureAction.Delete),
        ]);

        Assert.Contains("FakeNote.Nope is declared but is not a column", problems);
        Assert.Contains("String is declared but is not an entity of the model", problems);
        Assert.Equal(2, problems.Count(p => p.Contains("is declared but", StringComparison.Ordinal)));
    }

    /// <summary>A model with a table nobody declared: a note with an author, a reviewer (a key to AppUser under an odd name) and text; a contact with an address.</summary>
    private sealed class FakeContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<AppUser>();
            modelBuilder.Entity<InboxItem>();
            modelBuilder.Entity<FakeNote>().HasOne<AppUser>().WithMany().HasForeignKey(n => n.ReviewerKey);
            modelBuilder.Entity<FakeContact>();
        }
    }
}
