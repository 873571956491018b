using System.Diagnostics;
using System.Net;
using ChangeAgentAcademy.Testing;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>The site on a real Kestrel port (loopback, any free port) and Debian's Chromium driven by Playwright.</summary>
public class BrowserSite : SqliteSite
{
    private static readonly object TimingLock = new();
    private IPlaywright? playwright;

    public BrowserSite() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public string BaseUrl { get; private set; } = "";

    /// <summary>The plain browser site starts on a copy of the migrated demo database (subclasses with their own settings do not).</summary>
    protected override bool StartsFromTemplate => GetType() == typeof(BrowserSite);

    /// <summary>
    /// This site's own Chromium (one per test class). One Chromium for the whole test process was tried: it saved the
    /// launches but made every sign-in slower, with two classes' traffic through one Playwright driver (docs/TESTING.md).
    /// </summary>
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot(), "test-output", "screenshots");

    /// <summary>
    /// Screenshots are for people looking at the pages, not for assertions: taken only when the environment asks
    /// (<c>CAA_SCREENSHOTS=1</c>), so <c>./test.sh</c> does not pay for them (docs/TESTING.md).
    /// </summary>
    public static bool TakesScreenshots { get; } = Environment.GetEnvironmentVariable("CAA_SCREENSHOTS") == "1";

    public override async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await PrepareDatabaseAsync();
        StartServer();
        Timing("site-start", clock);
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        clock.Restart();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Timing("chromium-launch", clock);
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
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 780 : 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A browser context on this site (its base URL set).</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = BaseUrl;
        return await Browser.NewContextAsync(options);
    }

    /// <summary>
    /// Appends "time, what, milliseconds" to the file named by <c>CAA_BROWSER_TIMINGS</c>, when it is set: how the
    /// browser suite's time was measured (docs/TESTING.md).
    /// </summary>
    public static void Timing(string what, Stopwatch clock)
    {
        var file = Environment.GetEnvironmentVariable("CAA_BROWSER_TIMINGS");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        lock (TimingLock)
        {
            File.AppendAllText(file, $"{DateTime.UtcNow:HH:mm:ss.fff}\t{what}\t{clock.Elapsed.TotalMilliseconds:F0}\n");
        }
    }

    public static async Task SignInAsync(IPage page, string email, string password = SiteClient.DemoPassword)
    {
        var clock = Stopwatch.StartNew();

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
        Timing("signin", clock);
    }

    /// <summary>
    /// Signs in through the site's own sign-in form endpoint, then opens <paramref name="path"/>: for the journeys whose
    /// subject is what comes after the sign-in. The GET and POST go through the page's browser context (Playwright's
    /// request API keeps that context's cookies: the antiforgery pair, then the session and language cookies), so the
    /// page is signed in exactly as after <see cref="SignInAsync"/>, without Chromium drawing the sign-in page and the
    /// start page first (two seconds of a loaded machine's time; 42 of the suite's 51 sign-ins were of this kind,
    /// docs/TESTING.md). The form itself, in a browser, is what <see cref="SignInAsync"/> drives, in the journeys about
    /// signing in, the start pages and signing in again after a lost session.
    /// </summary>
    public static async Task SignInAtAsync(IPage page, string email, string path, string password = SiteClient.DemoPassword)
    {
        var clock = Stopwatch.StartNew();
        var browser = page.Context.APIRequest;
        var form = await browser.GetAsync("/account/signin");
        var token = SiteClient.TokenIn(await form.TextAsync());
        Assert.True(token is not null, $"the sign-in page ({form.Status}) has no antiforgery token");
        var fields = browser.CreateFormData();
        fields.Set("Email", email);
        fields.Set("Password", password);
        fields.Set("__RequestVerificationToken", token);
        var answer = await browser.PostAsync("/account/signin", new() { Form = fields, MaxRedirects = 0 });
        var location = answer.Headers.GetValueOrDefault("location") ?? "";
        Assert.True(answer.Status == 302 && !location.Contains("/account/signin", StringComparison.Ordinal), $"sign-in of {email} answered {answer.Status}, to '{location}'");
        await page.GotoAsync(path);
        Timing("signin-at", clock);
    }

    /// <summary>Shows the site in <paramref name="language"/> through the culture cookie, as the language form does, without changing the person's saved language.</summary>
    public async Task UseLanguageAsync(IPage page, string language) =>
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = BaseUrl }]);

    /// <summary>
    /// Full-page screenshots at phone (360 px) and desktop (1280 px) width, when <see cref="TakesScreenshots"/>; they
    /// assert nothing, and leave the page at the width it had.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (!TakesScreenshots)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var original = page.ViewportSize!;
        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, width < 500 ? 780 : 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(original.Width, original.Height);
        Timing("screenshot", clock);
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.1 A and AA rules and best practices) and fails with a readable list of violations.
    /// In axe's one-call mode (<c>RunAxeLegacy</c>): the default mode runs axe in parts, frame by frame, and then
    /// opens a blank page in the browser to join the parts, injecting axe twice; measured on this site's pages
    /// (docs/TESTING.md) that took three to four times as long for the same findings. The one-call mode differs only
    /// for pages with cross-origin frames, and the site has no frames. Only violations are collected (axe's
    /// <c>resultTypes</c>: it still runs every rule on every node, and skips gathering the nodes that passed).
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var clock = Stopwatch.StartNew();
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": see above for why it is used.
        var result = await page.RunAxeLegacy(options: new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Timing("axe", clock);
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
