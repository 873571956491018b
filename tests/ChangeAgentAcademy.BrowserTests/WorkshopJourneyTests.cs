using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>Future workshops in a real browser: a full session, the waiting list, a cancellation that promotes; the facilitator's and leader's pages.</summary>
public sealed class WorkshopJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>A session the day after tomorrow with five places, all taken by trainee1 … trainee5.</summary>
    private Task<Guid> FullSessionAsync() =>
        site.WithScopeAsync(async (_, db) =>
        {
            var id = Guid.NewGuid();
            var trainer = await db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstAsync();
            var starts = DateTime.UtcNow.Date.AddDays(2).AddHours(12);
            db.Set<WorkshopSession>().Add(new WorkshopSession { Id = id, Title = "Full workshop", Place = "Library, room 3", StartsUtc = starts, EndsUtc = starts.AddHours(3), Capacity = 5, FacilitatorId = trainer, Status = WorkshopStatus.Open, CreatedUtc = DateTime.UtcNow });
            var holders = await db.Users.Where(u => new[] { "trainee1@demo.local", "trainee2@demo.local", "trainee3@demo.local", "trainee4@demo.local", "trainee5@demo.local" }.Contains(u.Email!)).Select(u => u.Id).ToListAsync();
            var i = 0;
            db.Set<Booking>().AddRange(holders.Select(h => new Booking { SessionId = id, UserId = h, Status = BookingStatus.Booked, BookedUtc = DateTime.UtcNow.AddMinutes(-10 + i++), ChangedUtc = DateTime.UtcNow }));
            db.Set<WorkshopIdea>().Add(new WorkshopIdea { SessionId = id, Text = "Try a shared morning huddle", CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return id;
        });

    [Fact]
    public async Task Member_JoinsWaitingList_IsPromotedWhenSomeoneCancels()
    {
        var id = await FullSessionAsync();
        var member = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(member, "trainee7@demo.local", "/workshops");
        await Assertions.Expect(member.Locator("h1")).ToContainTextAsync("Future workshops");
        await BrowserSite.AssertAccessibleAsync(member);
        await BrowserSite.ScreenshotAsync(member, "workshops");

        await member.GotoAsync($"/workshops/{id}");
        var book = member.Locator($"form[action='/workshops/{id}/book'] button");
        await book.ClickAsync();
        await Assertions.Expect(member.Locator(".error-summary")).ToContainTextAsync("The workshop is full.");
        await BrowserSite.AssertAccessibleAsync(member);
        await BrowserSite.ScreenshotAsync(member, "workshop-full");

        await member.GetByLabel("The workshop is full: put me on the waiting list").CheckAsync();
        await member.Locator($"form[action='/workshops/{id}/book'] button").ClickAsync();
        await Assertions.Expect(member.Locator(".notice")).ToContainTextAsync("You are on the waiting list.");
        await Assertions.Expect(member.Locator(".tag-warn")).ToContainTextAsync("Waiting list: number 1");
        await BrowserSite.AssertAccessibleAsync(member);
        await BrowserSite.ScreenshotAsync(member, "workshop-waitlisted");

        var holder = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(holder, "trainee1@demo.local", "/workshops");
        await holder.Locator($"form[action='/workshops/{id}/cancel'] button").First.ClickAsync();
        // Cancelling asks first, on a page of its own (no JavaScript): keeping the place is the primary button.
        await Assertions.Expect(holder.Locator("h1")).ToContainTextAsync("Cancel your place at");
        await Assertions.Expect(holder.Locator("a.button:not(.button-risky)")).ToHaveTextAsync("No, keep my place");
        await BrowserSite.AssertAccessibleAsync(holder);
        await BrowserSite.ScreenshotAsync(holder, "confirm-cancel-booking");
        await holder.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel my place" }).ClickAsync();
        await Assertions.Expect(holder.Locator(".notice")).ToContainTextAsync("Your booking is cancelled.");

        await member.GotoAsync($"/workshops/{id}");
        await Assertions.Expect(member.Locator(".tag-done")).ToContainTextAsync("You have a place");
        await member.GotoAsync("/inbox");
        await Assertions.Expect(member.Locator("main")).ToContainTextAsync("You have a place: Full workshop");
    }

    [Fact]
    public async Task Facilitator_Leader_AndTrainerPages_AreAccessible()
    {
        var id = await FullSessionAsync();
        var trainer = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(trainer, "trainer1@demo.local", "/workshops/new");
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "workshop-new");
        await trainer.GetByLabel("Place", new() { Exact = true }).FillAsync("Town hall, room 2.14");
        await trainer.GetByLabel("Places", new() { Exact = true }).FillAsync("40");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".error-summary")).ToContainTextAsync("between 5 and 30 places");
        await Assertions.Expect(trainer.GetByLabel("Place", new() { Exact = true })).ToHaveValueAsync("Town hall, room 2.14");
        await BrowserSite.AssertAccessibleAsync(trainer);

        await trainer.GotoAsync($"/workshops/{id}");
        await trainer.GetByLabel("What frustrates us today?").FillAsync("Too many handovers between shifts.");
        await trainer.GetByLabel("Which words about our values show us the way?").FillAsync("Dignity, continuity");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(trainer.Locator(".notice")).ToContainTextAsync("The record is saved.");
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "workshop-facilitator");

        var leader = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(leader, "leader1@demo.local", "/workshops/requests");
        await leader.GetByLabel("Number of participants").FillAsync("12");
        await leader.GetByLabel("Wishes (theme, dates that suit you, room)").FillAsync("Mornings suit us best.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".error-summary")).ToContainTextAsync("for 5 to 10 people");
        await Assertions.Expect(leader.GetByLabel("Wishes (theme, dates that suit you, room)")).ToHaveValueAsync("Mornings suit us best.");
        await leader.GetByLabel("Number of participants").FillAsync("7");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".notice")).ToContainTextAsync("Your request is sent.");
        await BrowserSite.AssertAccessibleAsync(leader);
        await BrowserSite.ScreenshotAsync(leader, "workshop-requests-leader");

        await trainer.GotoAsync("/workshops/requests");
        await Assertions.Expect(trainer.Locator("main")).ToContainTextAsync("Mornings suit us best.");
        await trainer.Locator("main summary").First.ClickAsync();
        await BrowserSite.AssertAccessibleAsync(trainer);
        await BrowserSite.ScreenshotAsync(trainer, "workshop-requests-trainer");
    }
}
