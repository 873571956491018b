using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Every literal string key a view looks up exists in its resource file, in all four languages.</summary>
public partial class ResourceKeyTests
{
    private static readonly string Root = FindRoot();

    private const string Shared = "src/ChangeAgentAcademy.Abstractions/Resources/SharedText";

    /// <summary>Every neutral resource file of the site: the shared one and each module's (found, not listed, so a new module is covered).</summary>
    private static IReadOnlyList<string> ResourceFiles() =>
        [Shared, .. Directory.EnumerateFiles(Path.Combine(Root, "src", "Modules"), "*Text.resx", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Resources{Path.DirectorySeparatorChar}"))
            .Select(f => Path.GetRelativePath(Root, f)[..^".resx".Length].Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(Path.Combine(Root, resx)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    [GeneratedRegex("\\b([ST])\\[\"([A-Za-z0-9.]+)\"")]
    private static partial Regex Lookup();

    [GeneratedRegex("@inject\\s+IStringLocalizer<(\\w+)>\\s+(\\w+)")]
    private static partial Regex Injection();

    /// <summary>
    /// <c>S</c> is the module's own localizer (docs/CONVENTIONS.md): in a module's view it means that module's
    /// resource file; <c>T</c> is the shared one.
    /// </summary>
    private static string ResourceOf(string view, string letter)
    {
        if (letter == "T")
        {
            return Shared;
        }

        var parts = Path.GetRelativePath(Root, view).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts is ["src", "Modules", var module, ..]
            ? $"src/Modules/{module}/Resources/{module}Text"
            : throw new InvalidOperationException($"{view}: S is only a module's localizer");
    }

    /// <summary>Every view calls its module's strings S and the shared ones T, and nothing else.</summary>
    [Fact]
    public void Views_InjectTheModulesStringsAsS_AndTheSharedOnesAsT()
    {
        var wrong = new List<string>();
        var seen = 0;
        foreach (var view in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match m in Injection().Matches(File.ReadAllText(view)))
            {
                seen++;
                var expected = m.Groups[1].Value == "SharedText" ? "T" : "S";
                if (m.Groups[2].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(Root, view)}: {m.Groups[1].Value} as {m.Groups[2].Value}, not {expected}");
                }
            }
        }

        Assert.True(seen >= 8, $"only {seen} localizer injections found");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Views_UseOnlyKeysThatExist()
    {
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var view in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match m in Lookup().Matches(File.ReadAllText(view)))
            {
                var key = m.Groups[2].Value;
                if (key.EndsWith('.'))
                {
                    continue; // a prefix completed at run time, e.g. T["Role." + role]
                }

                checkedKeys++;
                if (!Keys(ResourceOf(view, m.Groups[1].Value) + ".resx").Contains(key))
                {
                    missing.Add($"{Path.GetRelativePath(Root, view)}: {m.Groups[1].Value}[\"{key}\"]");
                }
            }
        }

        Assert.True(checkedKeys > 100, $"only {checkedKeys} lookups found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void EveryResourceFile_HasTheSameKeysInSwedishDanishFinnish()
    {
        var files = ResourceFiles();
        Assert.True(files.Count >= 8, $"only {files.Count} resource files found");
        foreach (var resx in files)
        {
            var neutral = Keys(resx + ".resx");
            foreach (var language in new[] { "sv", "da", "fi" })
            {
                var translated = Keys($"{resx}.{language}.resx");
                Assert.True(neutral.SetEquals(translated), $"{resx}.{language}: missing {string.Join(", ", neutral.Except(translated))}");
            }
        }
    }
}
