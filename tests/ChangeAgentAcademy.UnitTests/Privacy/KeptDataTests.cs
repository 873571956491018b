using System.Globalization;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Privacy.Services;
using ChangeAgentAcademy.Privacy.ViewModels;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>
/// The record every signed-in person reads (<c>/account/data/record</c>) is made from the same declarations as the
/// officer's: every declared purpose is there, said once, with its readers and period, but no table, column or setting key.
/// </summary>
public sealed class KeptDataTests
{
    private static (IReadOnlyList<KeptDataRow> Kept, IReadOnlyList<RecordRow> Record, List<IPrivacyProvider> Providers) Read(string language)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            using var site = PrivacyCoverageTests.Site();
            using var scope = site.CreateScope();
            var record = scope.ServiceProvider.GetRequiredService<RecordOfProcessing>();
            return (record.KeptRows(), record.Rows(), scope.ServiceProvider.GetServices<IPrivacyProvider>().ToList());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void EveryDeclaredPurpose_IsThere_SaidOnce_WithItsReadersAndPeriod()
    {
        var (kept, record, _) = Read("en");

        Assert.Equal(record.Select(r => (r.Module, r.Purpose)).Distinct().Order(), kept.Select(r => (r.Module, r.Purpose)).Distinct().Order());
        Assert.Equal(kept.Count, kept.Distinct().Count());
        Assert.True(kept.Count < record.Count); // several tables of one purpose (the account's) read as one
        var reflections = kept.Single(r => r.Purpose.StartsWith("Reflections a trainee writes", StringComparison.Ordinal));
        Assert.Equal(("The trainee and the cohort's trainers", "24 months"), (reflections.Readers, reflections.Retention));
        Assert.Contains(kept, r => r.Retention == "As long as the account");
        // The account is one row (not also "as long as the account" beside its own period), and says what ends it.
        var account = Assert.Single(kept, r => r.Purpose.StartsWith("The account:", StringComparison.Ordinal));
        Assert.Equal("Until the account has not been used for 24 months", account.Retention);
    }

    [Fact]
    public void NoTableColumnOrSettingKey_IsShown()
    {
        var (kept, record, providers) = Read("en");
        var keys = providers.SelectMany(p => p.Declarations).Select(d => d.Retention).OfType<string>().Distinct().ToList();
        var text = string.Join("\n", kept.Select(r => string.Join(" | ", r.Purpose, r.Readers, r.Retention, r.Erasure)));

        Assert.All(record.Select(r => r.Table).Distinct(), table => Assert.DoesNotContain(table, text, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain($"({key})", text, StringComparison.Ordinal));
        Assert.NotEmpty(keys);
    }

    [Theory]
    [InlineData("sv", "24 månader")]
    [InlineData("da", "24 måneder")]
    [InlineData("fi", "24 kuukautta")]
    public void ThePeriods_AreInTheReadersLanguage(string language, string period) =>
        Assert.Contains(Read(language).Kept, r => r.Retention == period);
}
