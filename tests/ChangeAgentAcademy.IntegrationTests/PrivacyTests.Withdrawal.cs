using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// The person's side of #15's remaining gaps: they see what would keep their data, withdraw their own waiting request
/// (never someone else's, never one no longer waiting; at the same moment as the officer's erasure, one outcome), read
/// what the site keeps about people, and the message after asking for an export says what actually happened.
/// </summary>
public abstract partial class PrivacyTests<TSite>
{
    private static readonly Dictionary<string, string> Confirmed = new() { ["confirmed"] = "true" };

    private async Task<Guid> AskToBeErasedAsync(SiteClient client, AppUser person)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/data", "/account/data/erasure", Confirmed)).StatusCode);
        return await site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().Where(r => r.WaitingFor == person.Id).Select(r => r.Id).SingleAsync());
    }

    [Fact]
    public async Task Withdrawal_OfTheirOwnWaitingRequest_LeavesTheQueue_IsAudited_AndTheyMayAskAgain()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var client = await AsAsync(site, person);
        var officerClient = await AsAsync(site, officer);
        var id = await AskToBeErasedAsync(client, person);
        var page = await client.GetStringAsync("/account/data");
        Assert.Contains($"action=\"/account/data/erasure/{id}/withdraw\"", page, StringComparison.Ordinal);
        Assert.Contains("Withdraw my request", page, StringComparison.Ordinal);
        Assert.Contains(person.Email!, await officerClient.GetStringAsync("/privacy"), StringComparison.Ordinal);

        var withdrawn = await client.PostFormAsync("/account/data", $"/account/data/erasure/{id}/withdraw", []);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        page = await client.GetStringAsync("/account/data");
        Assert.Contains("Your request to be erased is withdrawn.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdraw my request", page, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/data/erasure\"", page, StringComparison.Ordinal); // may ask again
        Assert.DoesNotContain(person.Email!, await officerClient.GetStringAsync("/privacy"), StringComparison.Ordinal);
        await site.WithScopeAsync(async (_, db) =>
        {
            var request = await db.Set<ErasureRequest>().SingleAsync(r => r.Id == id);
            Assert.Equal(ErasureStatus.Withdrawn, request.Status);
            Assert.Null(request.WaitingFor);
            Assert.Equal(person.Id, request.DecidedBy);
            Assert.True(await db.Audit.AnyAsync(a => a.Action == "privacy.erasure-withdrawn" && a.ActorId == person.Id && a.Subject == id.ToString()));
        });

        var again = await AskToBeErasedAsync(client, person);
        Assert.NotEqual(id, again);
        Assert.Contains(person.Email!, await officerClient.GetStringAsync("/privacy"), StringComparison.Ordinal);
        Assert.Equal(2, await site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().CountAsync(r => r.UserId == person.Id)));
    }

    [Fact]
    public async Task Withdrawal_Refusals_SomeoneElses404_NoLongerWaiting409WithTheReason_NoToken400()
    {
        var anna = await site.PersonAsync(Roles.Trainee);
        var bo = await site.PersonAsync(Roles.Trainee);
        var annaClient = await AsAsync(site, anna);
        var boClient = await AsAsync(site, bo);
        var annas = await AskToBeErasedAsync(annaClient, anna);

        Assert.Equal(HttpStatusCode.NotFound, (await boClient.PostFormAsync("/account/data", $"/account/data/erasure/{annas}/withdraw", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await annaClient.PostFormAsync("/account/data", $"/account/data/erasure/{Guid.NewGuid()}/withdraw", [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await annaClient.Http.PostAsync($"/account/data/erasure/{annas}/withdraw", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(ErasureStatus.Waiting, await StatusAsync(annas)); // none of these touched it

        Assert.Equal(HttpStatusCode.Redirect, (await annaClient.PostFormAsync("/account/data", $"/account/data/erasure/{annas}/withdraw", [])).StatusCode);
        var twice = await annaClient.PostFormAsync("/account/data", $"/account/data/erasure/{annas}/withdraw", []);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("This request has already been withdrawn.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Claimed by an erasure (stopped part-way): no longer the person's to withdraw; the page says so and offers no button.
        var claimed = await AskToBeErasedAsync(annaClient, anna);
        await site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().Where(r => r.Id == claimed).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Erasing)));
        var late = await annaClient.PostFormAsync("/account/data", $"/account/data/erasure/{claimed}/withdraw", []);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var body = await late.Content.ReadAsStringAsync();
        Assert.Contains("already erasing your data", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdraw my request", body, StringComparison.Ordinal);
        Assert.Contains("The data protection officer is erasing your data now.", body, StringComparison.Ordinal);
        Assert.Equal(ErasureStatus.Erasing, await StatusAsync(claimed));
        Assert.Equal(1, await site.WithScopeAsync(async (_, db) => await db.Audit.CountAsync(a => a.Action == "privacy.erasure-withdrawn" && a.ActorId == anna.Id)));
    }

    // Milliseconds each side waits before sending, round by round: at once, each a little ahead, so both orders happen.
    private static readonly int[] EraseDelays = [0, 0, 0, 0, 0, 5, 20, 60];
    private static readonly int[] WithdrawDelays = [0, 5, 10, 20, 40, 0, 0, 0];

    /// <summary>
    /// The person withdraws while the officer erases from the request's confirmation page, at the same moment (one side started a
    /// little later in some rounds, so both orders happen): every round ends erased or withdrawn, never both.
    /// </summary>
    [Fact]
    public async Task Withdrawal_AtTheSameMomentAsTheErasure_EndsErasedOrWithdrawn_NeverBoth()
    {
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var officerClient = await AsAsync(site, officer);
        for (var round = 0; round < EraseDelays.Length; round++)
        {
            var person = await site.PersonAsync(Roles.Trainee);
            var client = await AsAsync(site, person);
            var id = await AskToBeErasedAsync(client, person);
            var eraseToken = await officerClient.TokenAsync($"/privacy/people/{person.Id}/erase");
            Assert.Contains($"name=\"request\" value=\"{id}\"", await officerClient.GetStringAsync($"/privacy/people/{person.Id}/erase"), StringComparison.Ordinal);
            var withdrawToken = await client.TokenAsync("/account/data");

            var erase = Task.Run(async () =>
            {
                await Task.Delay(EraseDelays[round]);
                return await officerClient.Http.PostAsync($"/privacy/people/{person.Id}/erase", new FormUrlEncodedContent(
                    [new("confirmed", "true"), new("request", id.ToString()), new("__RequestVerificationToken", eraseToken)]));
            });
            var withdraw = Task.Run(async () =>
            {
                await Task.Delay(WithdrawDelays[round]);
                return await client.Http.PostAsync($"/account/data/erasure/{id}/withdraw", new FormUrlEncodedContent([new("__RequestVerificationToken", withdrawToken)]));
            });
            var responses = await Task.WhenAll(erase, withdraw);

            var (exists, status, erasedAudit, withdrawnAudit) = await site.WithScopeAsync(async (_, db) => (
                await db.Users.AnyAsync(u => u.Id == person.Id),
                await db.Set<ErasureRequest>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync(),
                await db.Audit.AnyAsync(a => a.Action == "privacy.erased" && a.Subject == id.ToString()),
                await db.Audit.AnyAsync(a => a.Action == "privacy.erasure-withdrawn" && a.Subject == id.ToString())));
            Assert.True(responses.All(r => (int)r.StatusCode < 500), string.Join(", ", responses.Select(r => r.StatusCode)));
            if (status == ErasureStatus.Done)
            {
                Assert.False(exists);
                Assert.True(erasedAudit);
                Assert.False(withdrawnAudit);
                Assert.Equal(HttpStatusCode.Redirect, responses[0].StatusCode);
                Assert.NotEqual("/account/data", responses[1].Headers.Location?.OriginalString); // refused (409, 404) or sent to sign in (the session ended)
            }
            else
            {
                Assert.Equal(ErasureStatus.Withdrawn, status);
                Assert.True(exists);
                Assert.False(erasedAudit);
                Assert.True(withdrawnAudit);
                Assert.Equal(HttpStatusCode.Conflict, responses[0].StatusCode);
                Assert.Contains("withdrew their request meanwhile", await responses[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal("/account/data", responses[1].Headers.Location?.OriginalString);
            }
        }
    }

    /// <summary>Withdrawn first, erased after: the officer's confirmation page, loaded before, is refused; from a fresh one they may still erase, deliberately.</summary>
    [Fact]
    public async Task Erasure_FromAPageLoadedBeforeTheWithdrawal_IsRefused_AFreshOneErasesUnasked()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var client = await AsAsync(site, person);
        var officerClient = await AsAsync(site, officer);
        var id = await AskToBeErasedAsync(client, person);
        var stale = await officerClient.TokenAsync($"/privacy/people/{person.Id}/erase");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/data", $"/account/data/erasure/{id}/withdraw", [])).StatusCode);

        var refused = await officerClient.Http.PostAsync($"/privacy/people/{person.Id}/erase", new FormUrlEncodedContent(
            [new("confirmed", "true"), new("request", id.ToString()), new("__RequestVerificationToken", stale)]));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The person withdrew their request meanwhile; nothing was erased.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Erase for good", body, StringComparison.Ordinal);
        Assert.Equal(ErasureStatus.Withdrawn, await StatusAsync(id));
        Assert.True(await site.WithScopeAsync(async (_, db) => await db.Users.AnyAsync(u => u.Id == person.Id)));

        var fresh = await officerClient.GetStringAsync($"/privacy/people/{person.Id}/erase");
        Assert.DoesNotContain("name=\"request\"", fresh, StringComparison.Ordinal);
        var erased = await officerClient.PostFormAsync($"/privacy/people/{person.Id}/erase", $"/privacy/people/{person.Id}/erase", Confirmed);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.False(await site.WithScopeAsync(async (_, db) => await db.Users.AnyAsync(u => u.Id == person.Id)));
        Assert.Equal(ErasureStatus.Withdrawn, await StatusAsync(id)); // the withdrawn request stays what it was; the erasure journaled its own
    }

    private Task<ErasureStatus> StatusAsync(Guid request) =>
        site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().Where(r => r.Id == request).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task Holds_TheirOwnPage_SaysNothingWouldBeKept_OrWhatWouldAndWhy_BeforeAndAfterAsking()
    {
        var person = await site.PersonAsync(Roles.Trainer);
        var client = await AsAsync(site, person);
        var page = await client.GetStringAsync("/account/data");
        Assert.Contains("Nothing would be kept: nothing holds your data now.", page, StringComparison.Ordinal);

        var group = "Held group " + Guid.NewGuid().ToString("N")[..6];
        var cohort = "Held cohort " + Guid.NewGuid().ToString("N")[..6];
        await site.HoldAsync(person.Id, group, cohort);

        foreach (var asked in new[] { false, true })
        {
            if (asked)
            {
                await AskToBeErasedAsync(client, person);
            }

            page = await client.GetStringAsync("/account/data");
            Assert.DoesNotContain("Nothing would be kept", page, StringComparison.Ordinal);
            Assert.Contains($"You belong to the running supervision group {group} and agreed to its contract: kept until you leave the group or it ends", page, StringComparison.Ordinal);
            Assert.Contains($"You are a trainer of the open cohort {cohort}: kept until the cohort has another trainer or closes", page, StringComparison.Ordinal);
            Assert.DoesNotContain("let them leave the group", page, StringComparison.Ordinal); // the officer's wording stays the officer's
        }

        var sv = await AsAsync(site, await site.PersonAsync(Roles.Trainee, language: "sv"));
        Assert.Contains("Ingenting skulle sparas", await sv.GetStringAsync("/account/data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptData_EveryoneReadsTheRecord_WithoutTablesOrColumns_LinkedFromTheirPage()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await AsAsync(site, person);
        Assert.Contains("href=\"/account/data/record\"", await client.GetStringAsync("/account/data"), StringComparison.Ordinal);

        var page = await client.GetStringAsync("/account/data/record");

        foreach (var text in new[] { "What the academy keeps about people", "Reflections a trainee writes, every version handed in", "The trainee and the cohort&#x27;s trainers", "Who attended each session", "Outcomes and certificates", "As long as the account" })
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }

        foreach (var table in new[] { "core_users", "core_audit", "reflections_submissions", "privacy_exports", "Module." })
        {
            Assert.DoesNotContain(table, page, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/privacy/record")).StatusCode); // the full record stays the officer's
        Assert.Equal(HttpStatusCode.Redirect, (await SiteClient.For(site).GetAsync("/account/data/record")).StatusCode); // signed out: to the sign-in
    }

    [Fact]
    public async Task ExportNotice_SaysReady_WhenPreparedWithinTheRequest_AndBeingPrepared_WhenItIsStillWaiting()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await AsAsync(site, person);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/data", "/account/data/export", [])).StatusCode);
        var page = await client.GetStringAsync("/account/data");
        Assert.Contains("Your data is ready to download.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your data is being prepared", page, StringComparison.Ordinal);
        Assert.Matches(DownloadLink(), page);

        // An export the job is preparing: asking again finds it, and the message says it is still on its way.
        var other = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<PrivacyExport>().Add(new PrivacyExport { Id = Guid.NewGuid(), UserId = other.Id, RequestedBy = other.Id, Status = ExportStatus.Preparing, RequestedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var otherClient = await AsAsync(site, other);
        Assert.Equal(HttpStatusCode.Redirect, (await otherClient.PostFormAsync("/account/data", "/account/data/export", [])).StatusCode);
        page = await otherClient.GetStringAsync("/account/data");
        Assert.Contains("Your data is being prepared; this page updates itself when it is ready", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your data is ready to download.", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(DownloadLink(), page);
    }
}
