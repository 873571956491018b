using System.Globalization;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The kept texts (issue 18) say exactly what the resource files say, in each reader's language.</summary>
public sealed class CachedLocalizerTests
{
    private static ResourceManagerStringLocalizerFactory Plain() =>
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public void Text_IsTheResourceFilesInEachLanguage_WhicheverLanguageAskedFirst()
    {
        var cached = new CachedStringLocalizerFactory(Plain()).Create(typeof(SharedText));
        var plain = Plain().Create(typeof(SharedText));

        foreach (var culture in new[] { "sv", "en", "da", "fi", "sv", "en" })
        {
            Assert.Equal(InCulture(culture, () => plain["SignOut"].Value), InCulture(culture, () => cached["SignOut"].Value));
        }
        Assert.Equal("Logga ut", InCulture("sv", () => cached["SignOut"].Value));
        Assert.Equal("Sign out", InCulture("en", () => cached["SignOut"].Value));
        Assert.Equal("Kirjaudu ulos", InCulture("fi", () => cached["SignOut"].Value));
    }

    [Fact]
    public void Arguments_AreFormattedPerCallInTheCurrentCulture()
    {
        var cached = new CachedStringLocalizerFactory(Plain()).Create(typeof(SharedText));
        var plain = Plain().Create(typeof(SharedText));

        var first = InCulture("en", () => cached["CapacityRange", "Places", 1.5, 200].Value);
        var second = InCulture("en", () => cached["CapacityRange", "Seats", 2, 30].Value);
        var swedish = InCulture("sv", () => cached["CapacityRange", "Platser", 1.5, 200].Value);

        Assert.Equal("Places must be between 1.5 and 200.", first);
        Assert.Equal("Seats must be between 2 and 30.", second);
        Assert.Equal(InCulture("sv", () => plain["CapacityRange", "Platser", 1.5, 200].Value), swedish);
        Assert.Contains("1,5", swedish);
    }

    [Fact]
    public void UnknownName_SaysSoAsTheResourceManagerDoes()
    {
        var cached = new CachedStringLocalizerFactory(Plain()).Create(typeof(SharedText));
        var plain = Plain().Create(typeof(SharedText));

        var text = InCulture("da", () => cached["NoSuchKey.Anywhere"]);
        var withArguments = InCulture("da", () => cached["No {0} here", 7]);

        Assert.True(text.ResourceNotFound);
        Assert.Equal(InCulture("da", () => plain["NoSuchKey.Anywhere"].Value), text.Value);
        Assert.Equal("No 7 here", withArguments.Value);
    }

    [Fact]
    public void Factory_GivesOneLocalizerPerResourceType()
    {
        var factory = new CachedStringLocalizerFactory(Plain());

        Assert.Same(factory.Create(typeof(SharedText)), factory.Create(typeof(SharedText)));
        Assert.NotSame(factory.Create(typeof(SharedText)), factory.Create(typeof(CachedLocalizerTests)));
    }

    [Fact]
    public void KeptTexts_StopAtTheLimit_AndStillAnswer()
    {
        var cached = (CachedStringLocalizer)new CachedStringLocalizerFactory(Plain()).Create(typeof(SharedText));

        for (var i = 0; i < CachedStringLocalizer.Limit + 500; i++)
        {
            InCulture("en", () => cached["made-up-" + i]);
        }
        var afterLimit = InCulture("sv", () => cached["SignOut"].Value);

        Assert.Equal(CachedStringLocalizer.Limit, cached.Count);
        Assert.Equal("Logga ut", afterLimit);
    }
}
