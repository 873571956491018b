using System.Globalization;
using ChangeAgentAcademy.Privacy.Services;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>
/// docs/RECORD-OF-PROCESSING.md is the providers' declarations written out (in English): it fails here when a
/// declaration, a purpose, a reader or a default period changes without the file. <c>CAA_WRITE_RECORD=1</c> rewrites it.
/// </summary>
public sealed class PrivacyRecordTests
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

    private static string Generate()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            using var site = PrivacyCoverageTests.Site();
            using var scope = site.CreateScope();
            return scope.ServiceProvider.GetRequiredService<RecordOfProcessing>().Markdown();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void TheRecordInDocs_IsTheDeclarations()
    {
        var path = Path.Combine(RepoRoot(), "docs", "RECORD-OF-PROCESSING.md");
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("CAA_WRITE_RECORD") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/RECORD-OF-PROCESSING.md is missing: run this test with CAA_WRITE_RECORD=1");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == expected, "docs/RECORD-OF-PROCESSING.md is out of date with the privacy providers' declarations: run this test with CAA_WRITE_RECORD=1 and commit the file");
    }

    [Fact]
    public void TheRecord_NamesEveryTableAndItsRetention()
    {
        var record = Generate();

        Assert.Contains("`reflections_submissions`", record, StringComparison.Ordinal);
        Assert.Contains("`core_users`", record, StringComparison.Ordinal);
        Assert.Contains("24 months (Reflections)", record, StringComparison.Ordinal);
        Assert.Contains("6 months (Notices)", record, StringComparison.Ordinal);
        Assert.Contains("As long as the account", record, StringComparison.Ordinal);
    }

    /// <summary>
    /// The account itself is not kept for ever: the core's users table names the inactive-accounts period (24 months by
    /// default), the key the privacy module's retention run erases unused accounts under.
    /// </summary>
    [Fact]
    public void TheRecord_GivesTheUsersTableTheInactiveAccountsPeriod()
    {
        var users = Generate().Split('\n').Single(l => l.StartsWith("| `core_users` |", StringComparison.Ordinal));

        Assert.Contains("| 24 months (InactiveAccounts) |", users, StringComparison.Ordinal);
        Assert.Equal(InactiveAccounts.RetentionKey, ChangeAgentAcademy.Web.Privacy.CorePrivacyProvider.InactiveAccountsRetention);
    }
}
