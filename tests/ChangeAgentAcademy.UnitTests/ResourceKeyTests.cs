using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Every literal string key a view looks up exists in its resource file, in all four languages.</summary>
public partial class ResourceKeyTests
{
    private static readonly string Root = FindRoot();

    // The localizer each view injects under a one-letter name, and the resource file behind it.
    private static readonly Dictionary<string, string> Resources = new()
    {
        ["T"] = "src/ChangeAgentAcademy.Abstractions/Resources/SharedText",
        ["P"] = "src/Modules/People/Resources/PeopleText",
        ["C"] = "src/Modules/Cohorts/Resources/CohortsText",
        ["L"] = "src/Modules/Curriculum/Resources/CurriculumText",
        ["R"] = "src/Modules/Reflections/Resources/ReflectionsText",
        ["N"] = "src/Modules/Notifications/Resources/NotificationsText",
        ["W"] = "src/Modules/Workshops/Resources/WorkshopsText",
        ["S"] = "src/Modules/Supervision/Resources/SupervisionText",
    };

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

    /// <summary>
    /// <c>S</c> is the module's own localizer (docs/CONVENTIONS.md): in a module's view it means that module's
    /// resource file; other letters (and <c>S</c> outside a module) as in <see cref="Resources"/>.
    /// </summary>
    private static string ResourceOf(string view, string letter)
    {
        var parts = Path.GetRelativePath(Root, view).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return letter == "S" && parts is ["src", "Modules", var module, ..]
            ? $"src/Modules/{module}/Resources/{module}Text"
            : Resources[letter];
    }

    [GeneratedRegex("\\b([TPCLRNWS])\\[\"([A-Za-z0-9.]+)\"")]
    private static partial Regex Lookup();

    /// <summary>
    /// <c>S</c> is the module's own localizer in every module (docs/CONVENTIONS.md), so a view's <c>S</c> is the
    /// resource file of the module the view is in; the other letters are fixed.
    /// </summary>
    private static string ResourceOf(string view, string letter)
    {
        var parts = Path.GetRelativePath(Root, view).Split(Path.DirectorySeparatorChar);
        if (letter == "S" && parts is ["src", "Modules", var module, ..])
        {
            var own = $"src/Modules/{module}/Resources/{module}Text";
            if (File.Exists(Path.Combine(Root, own + ".resx")))
            {
                return own;
            }
        }

        return Resources[letter];
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
        foreach (var resx in Resources.Values)
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
