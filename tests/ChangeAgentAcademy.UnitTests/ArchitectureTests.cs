using System.Xml.Linq;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Modules talk through the abstractions project only, never to each other.</summary>
public class ArchitectureTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    public static TheoryData<string> ModuleProjects()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Modules"), "*.csproj", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(RepoRoot(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void ModuleProject_ReferencesOnlyAbstractions(string project)
    {
        var references = XDocument.Load(Path.Combine(RepoRoot(), project))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.All(references, r => Assert.Equal("ChangeAgentAcademy.Abstractions", r));
    }

    [Fact]
    public void ModuleAssemblies_DoNotReferenceOneAnother()
    {
        var modules = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()).All
            .Select(m => m.GetType().Assembly)
            .ToList();
        var names = modules.Select(a => a.GetName().Name).ToHashSet();

        Assert.True(modules.Count >= 3);
        foreach (var module in modules)
        {
            var offending = module.GetReferencedAssemblies().Where(r => names.Contains(r.Name) && r.Name != module.GetName().Name).ToList();
            Assert.True(offending.Count == 0, $"{module.GetName().Name} references {string.Join(", ", offending.Select(o => o.Name))}");
        }
    }

    [Fact]
    public void ModuleProjectsFound_ByTheRule()
    {
        // Guards the theory above against silently finding nothing.
        Assert.True(ModuleProjects().Count >= 3);
    }

    /// <summary>A newcomer finds a page's controller in one guess: one controller per file, the file named after it.</summary>
    [Fact]
    public void EveryController_IsAloneInAFileNamedAfterIt()
    {
        var declaration = new System.Text.RegularExpressions.Regex(@"^\s*(?:public|internal)\s+(?:sealed\s+|abstract\s+)*class\s+(\w+Controller)\b", System.Text.RegularExpressions.RegexOptions.Multiline);
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var names = declaration.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            if (names.Count > 1 || (names.Count == 1 && names[0] != Path.GetFileNameWithoutExtension(file)))
            {
                wrong.Add($"{Path.GetRelativePath(RepoRoot(), file)}: {string.Join(", ", names)}");
            }
        }

        Assert.True(wrong.Count == 0, "controllers not alone in a file named after them:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// A file per public type, named after it (Orchard's and eShop's habit), so a type is found by its name.
    /// A partial class may have more parts in <c>Type.Part.cs</c>; the same name with another generic arity
    /// may share the file. Migrations are generated and exempt.
    /// </summary>
    [Fact]
    public void EveryPublicType_IsAloneInAFileNamedAfterIt()
    {
        var declaration = new System.Text.RegularExpressions.Regex(
            @"^public\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:record\s+struct|record\s+class|record|class|enum|interface|struct)\s+(\w+)",
            System.Text.RegularExpressions.RegexOptions.Multiline);
        var wrong = new List<string>();
        var checkedFiles = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")))
        {
            checkedFiles++;
            var names = declaration.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct().ToList();
            var fileName = Path.GetFileNameWithoutExtension(file);
            var stem = fileName.Split('.')[0];
            if (names.Count > 1 || (names.Count == 1 && names[0] != stem))
            {
                wrong.Add($"{Path.GetRelativePath(RepoRoot(), file)}: {string.Join(", ", names)}");
            }
        }

        Assert.True(checkedFiles > 100, $"only {checkedFiles} files found: is the source root right?");
        Assert.True(wrong.Count == 0, "public types not alone in a file named after them:\n" + string.Join("\n", wrong));
    }

    private static IEnumerable<System.Reflection.Assembly> SiteAssemblies() =>
        ModuleCatalog.SiteAssemblies().Where(a => a.GetName().Name is { } n && !n.EndsWith("Testing", StringComparison.Ordinal));

    /// <summary>
    /// A controller (or a view component) authorizes, calls a service and returns a view: it never takes the
    /// database, so every query and write lives in a service where it can be reused, tested and wrapped in one
    /// transaction (docs/CONVENTIONS.md).
    /// </summary>
    [Fact]
    public void NoControllerOrViewComponent_TakesTheDatabase()
    {
        var surfaces = SiteAssemblies()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false }
                        && (typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t) || typeof(Microsoft.AspNetCore.Mvc.ViewComponent).IsAssignableFrom(t)))
            .ToList();
        var wrong = surfaces
            .Where(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                .Any(p => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(p.ParameterType)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(surfaces.Count >= 25, $"only {surfaces.Count} controllers and view components found");
        Assert.True(wrong.Count == 0, "these take the database; move their queries into a service:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// Links by name: no view writes a site URL by hand (<c>href="/workshops/…"</c>), no controller redirects to one
    /// (<c>Redirect("/…")</c>); tag helpers and <c>RedirectToAction</c> make them from the routes, so renaming a route
    /// is one change. Static files (<c>/css/</c>, <c>/js/</c>, <c>/img/</c>, <c>/favicon</c>) are not routes.
    /// </summary>
    [Fact]
    public void NoViewOrController_WritesASiteUrlByHand()
    {
        var inView = new System.Text.RegularExpressions.Regex(@"\b(?:href|action|formaction)=""(/(?!css/|js/|img/|lib/|favicon)[^""]*)""");
        var inController = new System.Text.RegularExpressions.Regex(@"\b(?:Redirect|LocalRedirect)\(\$?""/");
        var wrong = new List<string>();
        var files = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = (file.EndsWith(".cshtml", StringComparison.Ordinal), file.EndsWith("Controller.cs", StringComparison.Ordinal)) switch
            {
                (true, _) => File.ReadAllText(file),
                (_, true) => File.ReadAllText(file),
                _ => null,
            };
            if (text is null)
            {
                continue;
            }

            files++;
            var pattern = file.EndsWith(".cshtml", StringComparison.Ordinal) ? inView : inController;
            wrong.AddRange(pattern.Matches(text).Select(m => $"{Path.GetRelativePath(RepoRoot(), file)}: {m.Value}"));
        }

        Assert.True(files > 60, $"only {files} views and controllers found");
        Assert.True(wrong.Count == 0, "hand-written site URLs:\n" + string.Join("\n", wrong));
    }

    /// <summary>In C# as in views, a module's strings are <c>S</c> and the shared ones <c>T</c> (docs/CONVENTIONS.md).</summary>
    [Fact]
    public void Localizers_AreCalledSForTheModule_AndTForTheSharedStrings()
    {
        var declaration = new System.Text.RegularExpressions.Regex(@"IStringLocalizer<(\w+)>\s+(\w+)\b");
        var wrong = new List<string>();
        var seen = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            foreach (System.Text.RegularExpressions.Match m in declaration.Matches(File.ReadAllText(file)))
            {
                seen++;
                var expected = m.Groups[1].Value == "SharedText" ? "T" : "S";
                if (m.Groups[2].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(RepoRoot(), file)}: {m.Value}, not {expected}");
                }
            }
        }

        Assert.True(seen >= 20, $"only {seen} localizers found");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>
    /// Abstractions holds contracts only: no database context and no Identity storage; the context lives on the
    /// host's side (ChangeAgentAcademy.Data), which no module references.
    /// </summary>
    [Fact]
    public void Abstractions_HoldsNoDatabaseContext_AndModulesDoNotSeeTheHostsData()
    {
        var abstractions = typeof(ChangeAgentAcademy.Modules.ModuleStartup).Assembly;
        Assert.DoesNotContain(abstractions.GetTypes(), t => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(t));
        Assert.DoesNotContain(abstractions.GetReferencedAssemblies(), r => r.Name == "Microsoft.AspNetCore.Identity.EntityFrameworkCore");

        var data = typeof(ChangeAgentAcademy.Data.AppDbContext).Assembly;
        Assert.Equal("ChangeAgentAcademy.Data", data.GetName().Name);
        var modules = ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()).All.Select(m => m.GetType().Assembly).ToList();
        Assert.True(modules.Count >= 7);
        Assert.All(modules, m => Assert.DoesNotContain(m.GetReferencedAssemblies(), r => r.Name == data.GetName().Name));
    }

    /// <summary>
    /// One naming for what views get (docs/CONVENTIONS.md): in a ViewModels folder a record or class is a
    /// <c>…ViewModel</c> (what a page, panel or form binds), a <c>…Row</c> (one line of a list, or a piece of a
    /// view model) or an <c>…Option</c> (one choice of a select); enums and static helpers are free.
    /// </summary>
    [Fact]
    public void ViewModelTypes_EndInViewModelRowOrOption()
    {
        var types = SiteAssemblies().SelectMany(a => a.GetTypes())
            .Where(t => t is { IsPublic: true, IsClass: true } && !(t.IsAbstract && t.IsSealed) && t.Namespace?.EndsWith(".ViewModels", StringComparison.Ordinal) == true)
            .ToList();
        var wrong = types.Where(t => !(t.Name.EndsWith("ViewModel", StringComparison.Ordinal) || t.Name.EndsWith("Row", StringComparison.Ordinal) || t.Name.EndsWith("Option", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(types.Count >= 60, $"only {types.Count} view-model types found");
        Assert.True(wrong.Count == 0, "view-model types named otherwise:\n" + string.Join("\n", wrong));
    }
}
