namespace ChangeAgentAcademy.BrowserTests;

/// <summary>
/// The accessibility check itself: every browser test relies on <see cref="BrowserSite.AssertAccessibleAsync"/> failing
/// on a page with violations, so a page with known ones must fail it, each named.
/// </summary>
public sealed class AccessibilityCheckTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task AssertAccessible_OnAPageWithViolations_FailsNamingEach()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.EvaluateAsync("""
            () => {
              const main = document.querySelector('main');
              main.insertAdjacentHTML('beforeend', '<img src="/no-such.png"><input type="text"><a href="/"></a><div role="buttonx">x</div><p id="grey">Grey on white</p>');
              // Through the style object: the site's Content-Security-Policy ignores style attributes in markup.
              Object.assign(document.getElementById('grey').style, { color: '#bbb', background: '#fff' });
            }
            """);

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => BrowserSite.AssertAccessibleAsync(page));

        foreach (var rule in new[] { "image-alt", "label", "link-name", "aria-roles", "color-contrast" })
        {
            Assert.Contains(rule + " (", failure.Message);
        }
    }
}
