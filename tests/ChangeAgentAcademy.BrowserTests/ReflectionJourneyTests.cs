using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>The heart of the product in a real browser: write, lose the session, keep the text, be warned, hand in; a trainer asks for a revision.</summary>
public sealed class ReflectionJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Trainee_LosesSession_DraftRestored_Warned_Submits_TrainerAsksRevision()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee5@demo.local", "/reflections");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflections");
        await page.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();
        var editorUrl = page.Url;

        var text = page.GetByLabel("Your text");
        await text.FillAsync("When my colleague and I planned a citizen's morning visit, I wanted to decide alone.");
        await text.BlurAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Draft saved");

        // The session ends (expired cookie); the trainee keeps typing and the autosave cannot reach the server.
        await page.Context.ClearCookiesAsync();
        await text.PressSequentiallyAsync(" Then I asked the night staff what they had seen.");
        await text.BlurAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("signed out");

        // Signing in again is part of this journey: through the form, as the person would.
        await BrowserSite.SignInAsync(page, "trainee5@demo.local");
        await page.GotoAsync(editorUrl);
        await Assertions.Expect(page.GetByLabel("Your text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("asked the night staff what they had seen"));
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Draft saved");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflection-editor");

        await page.GetByLabel("Your text").PressSequentiallyAsync(" Mrs Jensen at Østervej 3 said it mattered to her.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#citizen-warning")).ToContainTextAsync("initials are not anonymisation");
        await Assertions.Expect(page.Locator("#citizen-warning mark").First).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflection-warning");

        // The trainee takes the advice and removes the details, then hands in.
        var cleaned = (await page.GetByLabel("Your text").InputValueAsync()).Replace(" Mrs Jensen at Østervej 3 said it mattered to her.", " The citizen said it mattered to her.");
        await page.GetByLabel("Your text").FillAsync(cleaned);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in anyway" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Version 1 was handed in on");

        var trainer = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(trainer, "trainer1@demo.local", "/review");
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "review-queue");
        await trainer.GetByRole(AriaRole.Link, new() { Name = "Maria Andersson" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".submitted-text").First).ToContainTextAsync("The citizen said it mattered to her.");
        await BrowserSite.AssertAccessibleAsync(trainer);
        await trainer.GetByLabel("Your feedback").FillAsync("Good start. What did you **notice in yourself** when you asked?");
        foreach (var criterion in await trainer.Locator("fieldset.criterion").AllAsync())
        {
            await criterion.GetByRole(AriaRole.Radio).First.CheckAsync(); // a level per criterion of the rubric (#17)
        }

        await trainer.GetByRole(AriaRole.Button, new() { Name = "Ask for a revision" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".notice")).ToContainTextAsync("Revision asked for");
        await BrowserSite.ScreenshotAsync(trainer, "review-done");

        await page.GotoAsync(editorUrl);
        await Assertions.Expect(page.Locator(".feedback")).ToContainTextAsync("notice in yourself");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflection-revise");
    }

    /// <summary>
    /// On a phone's slow network the editor's script (last on the page) arrives after the person has begun to type: what
    /// they typed then is kept and saved once it runs, not only what they type after it. The script's request is held
    /// until the text is typed, so the order is certain, not timed.
    /// </summary>
    [Fact]
    public async Task Trainee_TypesBeforeTheEditorScriptArrives_TheTextIsStillSaved()
    {
        const string typed = "Typed on the bus before the page had finished loading: the night staff knew first.";
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee8@demo.local", "/reflections");
        var script = new TaskCompletionSource();
        await page.RouteAsync("**/js/reflection-editor.js*", async route =>
        {
            await script.Task;
            await route.ContinueAsync();
        });
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();
            var text = page.GetByLabel("Your text");
            await text.FillAsync(typed);
            await text.BlurAsync();
        }
        finally
        {
            script.TrySetResult();
        }

        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Draft saved", new() { Timeout = 15_000 });
        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Your text")).ToHaveValueAsync(typed);
    }

    [Fact]
    public async Task Trainee_HandsInRightAfterTyping_TheClickLands_AndThePageSaysWhen()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, "trainee10@demo.local", "/reflections");
        await page.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();
        var editorUrl = page.Url;

        // Typing and then clicking at once: the mouse-down takes the focus from the text box (blur starts an
        // autosave) before the mouse-up; the button must still be under the pointer when the mouse comes up.
        var handIn = page.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true });
        await page.GetByLabel("Your text").FillAsync("I asked before I proposed.\n\nThe night staff saw what I had missed.");
        var before = DateTime.UtcNow;
        await handIn.ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Version 1 was handed in on");
        var after = DateTime.UtcNow;
        var flash = await page.Locator("p.notice[role=status]").InnerTextAsync();
        Assert.Contains(HandedInTimes(before, after), flash.Contains);
        await Assertions.Expect(page.Locator(".handed-in")).ToContainTextAsync("Version 1 was handed in on");
        Assert.Contains(HandedInTimes(before, after), (await page.Locator(".handed-in").InnerTextAsync()).Contains);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflection-handed-in");

        await page.GotoAsync("/reflections");
        var row = page.Locator("#done-heading + ul li").Filter(new() { HasText = "Authority and co-creation" });
        Assert.Contains(HandedInTimes(before, after), (await row.InnerTextAsync()).Contains);
        await Assertions.Expect(row).ToContainTextAsync("1 version");
        await Assertions.Expect(row).Not.ToContainTextAsync("version(s)");
        await BrowserSite.ScreenshotAsync(page, "reflections-handed-in");
        await page.GotoAsync(editorUrl);
        await Assertions.Expect(page.Locator("details .submitted-text p")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Trainee_SessionExpired_HandIn_SignInReturnsToTheText_OneClickHandsIn()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee7@demo.local", "/reflections");
        await page.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();
        var editorUrl = page.Url;
        var handIn = page.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true });
        const string PageTop = "b => b.getBoundingClientRect().top + window.scrollY";
        var before = await handIn.EvaluateAsync<double>(PageTop);
        await page.GetByLabel("Your text").FillAsync("Written while the session ran out.");
        await page.GetByLabel("Your text").BlurAsync();
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Draft saved");
        Assert.Equal(before, await handIn.EvaluateAsync<double>(PageTop)); // the autosave line moved nothing

        await page.Context.ClearCookiesAsync();
        await page.GetByLabel("Your text").PressSequentiallyAsync(" Asking first changed the plan.");
        await handIn.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signin"));
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(new Uri(editorUrl).AbsolutePath), page.Url, StringComparison.OrdinalIgnoreCase);
        await page.GetByLabel("E-mail").FillAsync("trainee7@demo.local");
        await page.GetByLabel("Password").FillAsync(Testing.SiteClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(editorUrl);
        await Assertions.Expect(page.GetByLabel("Your text")).ToHaveValueAsync("Written while the session ran out. Asking first changed the plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Version 1 was handed in on");
    }

    /// <summary>"Handed in on …" as the programme writes it (en-GB, Copenhagen), for every minute the hand-in may have fallen in.</summary>
    private static string[] HandedInTimes(DateTime fromUtc, DateTime toUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var list = new List<string>();
        for (var t = fromUtc.AddSeconds(-fromUtc.Second).AddMinutes(-1); t <= toUtc; t = t.AddMinutes(1))
        {
            list.Add(TimeZoneInfo.ConvertTimeFromUtc(t, zone).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        }

        return [.. list];
    }

    [Fact]
    public async Task Trainer_ScheduleAndCalendarPages_AreAccessible()
    {
        var trainer = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(trainer, "trainer1@demo.local", "/cohorts");
        await trainer.Locator("a[href^='/cohorts/']").Filter(new() { HasNotText = "New" }).First.ClickAsync();
        await trainer.GetByRole(AriaRole.Link, new() { Name = "Assignment dates" }).ClickAsync();
        await Assertions.Expect(trainer.Locator("h1")).ToContainTextAsync("Assignment dates");
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "schedule");

        var trainee = await site.NewPageAsync(360);
        await BrowserSite.SignInAsync(trainee, "trainee4@demo.local");
        // The start page says what is due next, with its date, whatever day the demo was seeded.
        await Assertions.Expect(trainee.Locator("#my-work-panel ~ ul li").Filter(new() { HasNotText = "was due" }).First)
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"due \d{1,2} \w{3,4} \d{4} \d{2}:\d{2}"));
        await trainee.GotoAsync("/calendar");
        await Assertions.Expect(trainee.GetByLabel("Private calendar address (iCal)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/calendar/[0-9a-f]+\\.ics$"));
        await BrowserSite.AssertAccessibleAsync(trainee);
        await BrowserSite.ScreenshotAsync(trainee, "calendar");
        await trainee.GotoAsync("/inbox");
        await Assertions.Expect(trainee.Locator("h1")).ToContainTextAsync("Inbox");
        await BrowserSite.AssertAccessibleAsync(trainee);
        await BrowserSite.ScreenshotAsync(trainee, "inbox");
        await trainee.GotoAsync("/inbox/settings");
        await BrowserSite.AssertAccessibleAsync(trainee);
        await BrowserSite.ScreenshotAsync(trainee, "inbox-settings");
        await trainee.GotoAsync("/learn/m1-role-and-mandate");
        await Assertions.Expect(trainee.GetByRole(AriaRole.Link, new() { Name = "Write it · Authority and co-creation" })).ToBeVisibleAsync();
    }
}
