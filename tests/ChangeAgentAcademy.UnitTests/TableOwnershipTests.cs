using System.Text.RegularExpressions;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>
/// A table belongs to one module and is named with its prefix (the module's folder name, lower case;
/// the host's are "core_"). Another module's table name written in a module's source is SQL text as a
/// contract between modules: it repeats the owner's EF mapping and breaks when that changes. Data
/// crosses a module boundary through a typed service in Abstractions instead (e.g. INotifier).
/// </summary>
public sealed partial class TableOwnershipTests
{
    private const string HostPrefix = "core";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static IEnumerable<DirectoryInfo> Modules() =>
        new DirectoryInfo(Path.Combine(RepoRoot(), "src", "Modules")).EnumerateDirectories().Where(d => d.EnumerateFiles("*.csproj").Any());

    private static string PrefixOf(DirectoryInfo module) => module.Name.ToLowerInvariant();

    /// <summary>The module's C# sources, without build output and migrations (a migration may create several modules' tables).</summary>
    private static IEnumerable<string> Sources(DirectoryInfo module) =>
        Directory.EnumerateFiles(module.FullName, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(module.FullName, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"));

    [GeneratedRegex("""ToTable\(\s*"(?<name>[^"]*)"(?<schema>\s*,)?""")]
    private static partial Regex ToTable();

    public static TheoryData<string> ModuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var module in Modules())
        {
            data.Add(module.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_MapsOnlyTablesWithItsOwnPrefix(string name)
    {
        var module = Modules().Single(m => m.Name == name);
        var wrong = Sources(module)
            .SelectMany(file => ToTable().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Table: m.Groups["name"].Value)))
            .Where(t => !t.Table.StartsWith(PrefixOf(module) + "_", StringComparison.Ordinal))
            .ToList();

        Assert.True(wrong.Count == 0, $"{name} maps tables without its prefix \"{PrefixOf(module)}_\": {string.Join(", ", wrong.Select(w => $"{w.Table} ({w.File})"))}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_NamesNoOtherModulesOrHostTable(string name)
    {
        var module = Modules().Single(m => m.Name == name);
        var others = Modules().Where(m => m.Name != name).Select(PrefixOf).Append(HostPrefix).ToList();
        var pattern = new Regex($"\"(?:\\\\\")?(?<table>(?:{string.Join("|", others.Select(Regex.Escape))})_[A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        var found = Sources(module)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(module.FullName, file), Line: i + 1, Text: line)))
            .SelectMany(l => pattern.Matches(l.Text).Select(m => $"{l.File}:{l.Line} {m.Groups["table"].Value}"))
            .ToList();

        Assert.True(found.Count == 0, $"{name} names tables of other modules or the host (use their typed service instead): {string.Join("; ", found)}");
    }

    [Fact]
    public void TheCheck_FindsATableNameInAnSqlString()
    {
        // The form the dispatcher used to have: a quoted identifier inside a C# string.
        var pattern = new Regex("\"(?:\\\\\")?(?<table>(?:notifications|core)_[A-Za-z0-9_]*)");
        Assert.Equal("notifications_inbox", pattern.Match("var sql = \"INSERT INTO \\\"notifications_inbox\\\" (\\\"Id\\\")\";").Groups["table"].Value);
        Assert.Equal("core_users", pattern.Match("\"FROM \\\"reflections_work\\\" AS w JOIN \\\"core_users\\\" AS u\"").Groups["table"].Value);
        Assert.Equal("notifications_inbox", pattern.Match("db.InsertIgnoringConflictsAsync(\"notifications_inbox\", columns)").Groups["table"].Value);
    }
}
