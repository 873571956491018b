using System.Net;
using ChangeAgentAcademy.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>The site on a real Kestrel port (loopback, any free port) and Debian's Chromium driven by Playwright.</summary>
public class BrowserSite : SqliteSite
{
    private IPlaywright? playwright;

    public BrowserSite() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    /// <summary>The plain browser site starts on a copy of the migrated demo database (subclasses with their own settings do not).</summary>
    protected override bool StartsFromTemplate => GetType() == typeof(BrowserSite);

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot(), "test-output", "screenshots");

    public override async Task InitializeAsync()
    {
        await PrepareDatabaseAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 780 : 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password = SiteClient.DemoPassword)
    {
        // Twice at most: on a loaded machine (seven sites and their Chromium pages on two cores) a sign-in
        // once stayed on the form for 30 s (CI, 2026-12-01). The second failure says what the page showed.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/account/signin");
            await page.GetByLabel("E-mail").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            try
            {
                // Commit, not load: waiting for a load event that already fired hung now and then.
                await page.WaitForURLAsync(url => !url.Contains("/account/signin"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 20_000 });
                break;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                Console.WriteLine($"sign-in of {email} still on {page.Url} after 20 s; trying once more");
            }
            catch (TimeoutException e)
            {
                var shown = await page.Locator("main").InnerTextAsync();
                throw new TimeoutException($"sign-in of {email} still on {page.Url}; the page says: {shown[..Math.Min(shown.Length, 300)]}", e);
            }
        }

        // Attached, not visible: on a phone the menu is folded behind its button.
        await page.Locator("nav.main-nav").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Shows the site in <paramref name="language"/> through the culture cookie, as the language form does, without changing the person's saved language.</summary>
    public async Task UseLanguageAsync(IPage page, string language) =>
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = BaseUrl }]);

    /// <summary>Full-page screenshots at phone (360 px) and desktop (1280 px) width.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var original = page.ViewportSize!;
        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, width < 500 ? 780 : 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>Runs axe-core (WCAG 2.1 A and AA rules) and fails with a readable list of violations.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", violations));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Path.GetTempPath();
    }
}
