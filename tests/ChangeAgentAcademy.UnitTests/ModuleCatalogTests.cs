using ChangeAgentAcademy.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChangeAgentAcademy.UnitTests;

public class ModuleCatalogTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    [Fact]
    public void Discover_SiteAssemblies_FindsEveryFeatureModule()
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Config());

        Assert.Equal(["Audit", "Cohorts", "Curriculum", "Notifications", "Outcomes", "People", "Privacy", "Reflections", "Supervision", "Workshops"], catalog.All.Select(m => m.Id));
        Assert.Equal(catalog.All, catalog.Enabled);
    }

    [Fact]
    public void Discover_ModuleSwitchedOff_IsKnownButNotEnabled()
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Config(("Modules:Cohorts:Enabled", "false")));

        Assert.Contains(catalog.All, m => m.Id == "Cohorts");
        Assert.DoesNotContain(catalog.Enabled, m => m.Id == "Cohorts");
        Assert.False(catalog.IsEnabled(typeof(Cohorts.Startup).Assembly));
        Assert.True(catalog.IsEnabled(typeof(People.Startup).Assembly));
    }

    [Fact]
    public void Discover_DependencySwitchedOff_DependentModuleIsOffToo()
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Config(("Modules:Cohorts:Enabled", "false")));

        Assert.DoesNotContain(catalog.Enabled, m => m.Id is "Cohorts" or "Reflections");
        Assert.Contains(catalog.Enabled, m => m.Id == "Curriculum");
        Assert.Contains(catalog.All, m => m.Id == "Reflections");
    }

    [Fact]
    public void Discover_AlwaysEnabledModuleSwitchedOff_StaysEnabled()
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Config(("Modules:Notifications:Enabled", "false")));

        Assert.Contains(catalog.Enabled, m => m.Id == "Notifications");
    }

    [Fact]
    public void Discover_SameAssemblyTwice_ListsModuleOnce()
    {
        var assembly = typeof(People.Startup).Assembly;

        var catalog = ModuleCatalog.Discover([assembly, assembly], Config());

        Assert.Single(catalog.All);
    }

    [Fact]
    public void Discover_SwitchedOffModule_ContributesNoJobsOrMenu()
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Config(("Modules:Cohorts:Enabled", "false")));

        var jobs = catalog.Enabled.SelectMany(m => m.RecurringJobs).Select(j => j.Id).ToList();
        var menu = catalog.Enabled.SelectMany(m => m.Navigation).Select(n => n.Controller).ToList();

        Assert.DoesNotContain("cohorts:close-ended", jobs);
        Assert.Contains("notifications:outbox", jobs);
        Assert.DoesNotContain("Cohorts", menu);
        Assert.Contains("People", menu);
    }

    /// <summary>Every menu entry names a controller the site has (with an Index action), so the menu cannot point at a route that is gone.</summary>
    [Fact]
    public void EveryMenuEntry_NamesAControllerActionThatExists()
    {
        var catalog = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), Config());
        var actions = ModuleCatalog.SiteAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods().Select(m => (Controller: t.Name[..^"Controller".Length], Action: m.Name)))
            .ToHashSet();
        var entries = catalog.All.SelectMany(m => m.Navigation).ToList();

        Assert.True(entries.Count >= 10);
        Assert.All(entries.Where(e => e.Path is null), e => Assert.Contains((e.Controller, e.Action), actions));
    }
}
