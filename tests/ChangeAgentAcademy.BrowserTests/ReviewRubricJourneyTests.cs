using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>Review with a rubric (#17) in a real browser: a trainer saves a comment, marks every criterion (one by keyboard), inserts the comment, is warned of a citizen's name in the feedback and accepts anyway (marks kept); the trainee sees the marked rubric.</summary>
public sealed class ReviewRubricJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Saved = "Name one small step you will try next week, and with whom.";

    [Fact]
    public async Task Trainer_MarksRubric_InsertsSavedComment_Accepts_TraineeSeesTheMarkedRubric()
    {
        var trainer = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(trainer, "trainer1@demo.local", "/review/comments");
        await trainer.GetByLabel("New comment").FillAsync(Saved);
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Save comment" }).First.ClickAsync();
        await Assertions.Expect(trainer.Locator(".notice")).ToContainTextAsync("Comment saved.");
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "review-comment-bank");

        await trainer.GotoAsync("/review");
        await Assertions.Expect(trainer.Locator("#workload-heading")).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "review-queue-workload");
        await trainer.Locator("section[aria-labelledby=queue-heading] table tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(trainer.Locator("fieldset.criterion").First).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "review-rubric");
        var reviewUrl = trainer.Url;

        // Keyboard: the first criterion's first level, then the arrow key moves to the next level within the group.
        var criteria = await trainer.Locator("fieldset.criterion").AllAsync();
        await criteria[0].GetByRole(AriaRole.Radio).First.FocusAsync();
        await trainer.Keyboard.PressAsync("Space");
        await trainer.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(criteria[0].GetByRole(AriaRole.Radio).Nth(1)).ToBeCheckedAsync();
        foreach (var criterion in criteria.Skip(1))
        {
            await criterion.Locator("label").Last.ClickAsync(); // the label is the target: "Goes further"
        }

        await trainer.GetByLabel("Your feedback").FillAsync("Clear and honest.");
        await trainer.GetByLabel("Saved comments").SelectOptionAsync(new SelectOptionValue { Label = Saved });
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Insert into feedback" }).ClickAsync();
        await Assertions.Expect(trainer.GetByLabel("Your feedback")).ToHaveValueAsync("Clear and honest.\n\n" + Saved);
        Assert.Equal(reviewUrl, trainer.Url); // inserted in the browser, nothing posted
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "review-rubric-marked");

        // A citizen's name in the feedback (#15): the warning comes first, nothing saved, marks and text kept; 'save anyway' accepts.
        var feedback = "Clear and honest. Think of how Gunnel Andersson i hemtjänsten felt.\n\n" + Saved;
        await trainer.GetByLabel("Your feedback").FillAsync(feedback);
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.Locator("#citizen-warning")).ToBeVisibleAsync();
        await Assertions.Expect(trainer.Locator("#citizen-warning mark")).ToContainTextAsync("Gunnel Andersson");
        await Assertions.Expect(trainer.GetByLabel("Your feedback")).ToHaveValueAsync(feedback);
        await Assertions.Expect(criteria[0].GetByRole(AriaRole.Radio).Nth(1)).ToBeCheckedAsync();
        await Assertions.Expect(trainer.Locator("fieldset.criterion").Last.GetByRole(AriaRole.Radio).Last).ToBeCheckedAsync();
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "review-rubric-citizen-warning");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".notice")).ToContainTextAsync("Accepted.");

        var trainee = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(trainee, "trainee1@demo.local", "/reflections");
        await trainee.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();
        var marked = trainee.Locator("table.marked-rubric");
        await Assertions.Expect(marked).ToContainTextAsync("2 of 3: Meets the aim");
        await Assertions.Expect(marked).ToContainTextAsync("3 of 3: Goes further");
        await Assertions.Expect(trainee.Locator(".feedback")).ToContainTextAsync(Saved);
        await BrowserSite.AssertAccessibleAsync(trainee);
        await BrowserSite.ScreenshotAsync(trainee, "reflection-marked-rubric");
    }

    [Fact]
    public async Task Trainee_SeesTheRubricOnTheAssignment_BeforeWriting_WithoutTheReviewersGuidance()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee5@demo.local", "/reflections");
        await page.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();

        var rubric = page.Locator("section.rubric");
        await Assertions.Expect(rubric).ToBeVisibleAsync();
        await Assertions.Expect(rubric.Locator("thead th")).ToHaveTextAsync(["Criterion", "Not yet", "Meets the aim", "Goes further"]);
        Assert.True(await rubric.Locator("tbody tr").CountAsync() >= 2);
        await Assertions.Expect(rubric.Locator("tbody tr td").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".rubric-guidance")).ToHaveCountAsync(0); // the feedback guidance is for reviewers
        await Assertions.Expect(page.GetByLabel("Your text")).ToHaveValueAsync("");
        // Read before writing: the rubric comes before the text box on the page.
        Assert.True(await page.EvaluateAsync<bool>("() => !!(document.querySelector('section.rubric').compareDocumentPosition(document.querySelector('textarea')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflection-rubric-before-writing");
    }

    [Fact]
    public async Task Author_EditsARubric_ARefusedSaveKeepsTheText()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, "admin@demo.local", "/curriculum/admin/edit/m2-citizen-conversations/practical/en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the rubric" }).ClickAsync();
        await Assertions.Expect(page.Locator("fieldset.criterion-edit").First).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "rubric-editor");

        await page.GetByLabel("Title of the rubric").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rubric" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Write a title for the rubric.");
        await BrowserSite.AssertAccessibleAsync(page);

        await page.GetByLabel("Title of the rubric").FillAsync("Rubric: the conversation in practice");
        var guidance = page.GetByLabel("Feedback guidance for the reviewer");
        await Assertions.Expect(guidance).Not.ToHaveValueAsync(""); // the shipped guidance, as written, to edit
        await guidance.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rubric" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Write the feedback guidance for reviewers");
        await Assertions.Expect(page.GetByLabel("Title of the rubric")).ToHaveValueAsync("Rubric: the conversation in practice");
        await page.GetByLabel("Feedback guidance for the reviewer").FillAsync("Start with what **works** in the conversation, then one step.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the rubric" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The rubric was saved.");
        await Assertions.Expect(page.GetByLabel("Feedback guidance for the reviewer")).ToHaveValueAsync("Start with what **works** in the conversation, then one step.");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "rubric-editor-guidance");
    }
}
