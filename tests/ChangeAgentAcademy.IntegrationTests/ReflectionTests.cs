using System.Net;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>The write-submit-review-revise loop, privacy and the refusals, on SQLite and PostgreSQL, with a fake clock.</summary>
public abstract class ReflectionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private const string Reflection = "Today I noticed that asking my colleagues first changed the plan. Marker-7f3a: I will ask before I propose.";

    private async Task<(TestCohort Cohort, AssignmentWork Work)> ReleasedAsync(int trainees = 2, int cadenceWeeks = 1)
    {
        var cohort = await site.CohortAsync(trainees, cadenceWeeks);
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        var work = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[0].Id && w.LessonKey.EndsWith("/reflection"));
        return (cohort, work);
    }

    /// <summary>The form with a level for every criterion of module 1's reflection rubric (a decision needs them since #17).</summary>
    private static Dictionary<string, string> Marked(Dictionary<string, string> form)
    {
        foreach (var criterion in new[] { "own-experience", "insight", "tension", "next-step", "privacy" })
        {
            form[$"marks[{criterion}]"] = "2";
        }

        return form;
    }

    private static Task<SiteClient> AsAsync(SiteFactory site, AppUser person) => SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

    private static Task<HttpResponseMessage> SubmitAsync(SiteClient client, long id, string text, string token, bool confirm = false) =>
        client.PostFormAsync($"/reflections/{id}", $"/reflections/{id}/submit", new Dictionary<string, string> { ["text"] = text, ["token"] = token, ["confirm"] = confirm ? "true" : "false" });

    [Fact]
    public async Task Release_CreatesWorkForEveryMember_OnceEvenWhenDispatchedTwice()
    {
        var cohort = await site.CohortAsync(3);
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(-5));
        await site.DispatchAsync();
        Assert.Empty(await site.WorkAsync(cohort.Id));

        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        var first = await site.DispatchAsync();
        var second = await site.DispatchAsync();
        var work = await site.WorkAsync(cohort.Id);
        var ids = work.Select(w => w.Id).ToList();
        var notices = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().CountAsync(i => i.Key.StartsWith("reflections:released:") && cohort.Trainees.Select(t => t.Id).Contains(i.UserId)));

        Assert.True(first.Released >= 2);
        Assert.Equal(0, second.Released);
        Assert.Equal(6, work.Count); // 3 trainees × (reflection + practical) of module 1
        Assert.All(work, w => Assert.Equal(WorkStatus.Open, w.Status));
        Assert.Equal(6, notices);
    }

    [Fact]
    public async Task ReviewQueue_NewHandInShowsOnTheNextRequest()
    {
        var (cohort, work) = await ReleasedAsync();
        var second = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[1].Id && w.LessonKey == work.LessonKey);
        var trainer = await AsAsync(site, cohort.Trainer);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(await AsAsync(site, cohort.Trainees[0]), work.Id, Reflection, "q1")).StatusCode);
        var before = await trainer.GetStringAsync("/review");

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(await AsAsync(site, cohort.Trainees[1]), second.Id, Reflection, "q2")).StatusCode);
        var after = await trainer.GetStringAsync("/review");

        Assert.Contains($"/review/{work.Id}", before);
        Assert.DoesNotContain($"/review/{second.Id}", before);
        Assert.Contains($"/review/{work.Id}", after);
        Assert.Contains($"/review/{second.Id}", after);
        Assert.Contains(cohort.Trainees[1].DisplayName, after);
    }

    [Fact]
    public async Task WriteSubmitReviewRevise_WholeLoop()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);

        var list = await trainee.GetStringAsync("/reflections");
        var module = await trainee.GetStringAsync("/learn/m1-role-and-mandate");
        var draft = await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/draft", new Dictionary<string, string> { ["text"] = "half a thought" });
        var editor = await trainee.GetStringAsync($"/reflections/{work.Id}");
        var empty = await SubmitAsync(trainee, work.Id, "   ", "t-empty");
        var submitted = await SubmitAsync(trainee, work.Id, Reflection, "t1");

        Assert.Contains($"/reflections/{work.Id}", list);
        Assert.Contains($"/reflections/{work.Id}", module);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains("half a thought", editor);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write your reflection before you hand it in.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var trainer = await AsAsync(site, cohort.Trainer);
        var queue = await trainer.GetStringAsync("/review");
        var page = await trainer.GetStringAsync($"/review/{work.Id}");
        var noReason = await trainer.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", Marked(new Dictionary<string, string> { ["version"] = "1", ["decision"] = "RevisionRequested", ["feedback"] = "" }));
        var revise = await trainer.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", Marked(new Dictionary<string, string> { ["version"] = "1", ["decision"] = "RevisionRequested", ["feedback"] = "Say *what you noticed in yourself*." }));

        Assert.Contains(cohort.Trainees[0].DisplayName, queue);
        Assert.Contains("Marker-7f3a", page);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Write the reason for the revision", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, revise.StatusCode);

        var notice = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.UserId == cohort.Trainees[0].Id && i.Key.StartsWith("reflections:reviewed:")).Select(i => i.Subject).SingleAsync());
        var feedbackPage = await trainee.GetStringAsync($"/reflections/{work.Id}");
        var revised = await SubmitAsync(trainee, work.Id, Reflection + "\nI noticed my own impatience.", "t2");

        Assert.Contains("please revise", notice);
        Assert.Contains("<em>what you noticed in yourself</em>", feedbackPage);
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);

        // A second trainer of the cohort sees the first one's feedback and the difference between versions.
        var second = await site.PersonAsync(Security.Roles.Trainer);
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<Cohorts.Data.CohortTrainer>().Add(new Cohorts.Data.CohortTrainer { CohortId = cohort.Id, UserId = second.Id });
            await db.SaveChangesAsync();
        });
        var other = await AsAsync(site, second);
        var reviewPage = await other.GetStringAsync($"/review/{work.Id}");
        var accept = await other.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", Marked(new Dictionary<string, string> { ["version"] = "2", ["decision"] = "Accepted", ["feedback"] = "Good." }));
        var final = await site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().AsNoTracking().SingleAsync(w => w.Id == work.Id));
        var versions = await site.WithScopeAsync((_, db) => db.Set<Submission>().CountAsync(s => s.WorkId == work.Id));
        var audit = await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == work.Id.ToString()).Select(a => a.Action).ToListAsync());

        Assert.Contains("<em>what you noticed in yourself</em>", reviewPage);
        Assert.Contains("I noticed my own impatience.", reviewPage);
        Assert.Contains("diff-added", reviewPage);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(WorkStatus.Accepted, final.Status);
        Assert.Equal(2, versions);
        Assert.Equal(["reflections.submitted", "reflections.revision-requested", "reflections.submitted", "reflections.accepted"], audit);
    }

    [Fact]
    public async Task HandIn_TwoParagraphs_ShownAsTwoOnTheWarningTheReviewPageAndTheVersionList()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        var text = "I asked the night staff first.\r\n\r\nThe resident Karl Svensson at Storgatan 12 said it mattered.\r\nThat stayed with me.";

        var warned = await (await SubmitAsync(trainee, work.Id, text, "p1")).Content.ReadAsStringAsync();
        var handedIn = await SubmitAsync(trainee, work.Id, text, "p1", confirm: true);
        var trainer = await AsAsync(site, cohort.Trainer);
        var review = await trainer.GetStringAsync($"/review/{work.Id}");
        var own = await trainee.GetStringAsync($"/reflections/{work.Id}");

        Assert.Matches("<div class=\"submitted-text findings\">\\s*<p>I asked the night staff first\\.</p>\\s*<p>[^<]*<mark", warned);
        Assert.Contains("<br>That stayed with me.</p>", warned);
        Assert.Equal(HttpStatusCode.Redirect, handedIn.StatusCode);
        const string Shown = "<div class=\"submitted-text\"><p>I asked the night staff first.</p><p>The resident Karl Svensson at Storgatan 12 said it mattered.<br>That stayed with me.</p></div>";
        Assert.Equal(2, review.Split(Shown).Length - 1); // the latest version and the version list
        Assert.Contains(Shown, own);
    }

    [Fact]
    public async Task HandInAfterSessionEnded_SignInReturnsToTheAssignment_NeverToThePostUrl()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        var token = await trainee.TokenAsync($"/reflections/{work.Id}");
        var expired = SiteClient.For(site); // the session cookie is gone; the page (and its form) is still open

        async Task<string?> ReturnUrlAsync(string formPage)
        {
            var post = new HttpRequestMessage(HttpMethod.Post, $"/reflections/{work.Id}/submit")
            {
                Content = new FormUrlEncodedContent([new("text", Reflection), new("token", "after-expiry"), new("__RequestVerificationToken", token)]),
            };
            post.Headers.Referrer = new Uri(expired.Http.BaseAddress!, formPage);
            var response = await expired.Http.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = new Uri(expired.Http.BaseAddress!, response.Headers.Location!);
            Assert.Equal("/account/signin", location.AbsolutePath);
            return System.Web.HttpUtility.ParseQueryString(location.Query)["ReturnUrl"];
        }

        var fromEditor = await ReturnUrlAsync($"/reflections/{work.Id}");
        var fromElsewhere = await ReturnUrlAsync("https://elsewhere.example/reflections/1");
        var fromWarning = await ReturnUrlAsync($"/reflections/{work.Id}/submit"); // the warning page's address is the submit URL
        var signIn = SiteClient.For(site);
        var signedIn = await signIn.PostFormAsync($"/account/signin?ReturnUrl={Uri.EscapeDataString(fromEditor!)}", "/account/signin",
            new Dictionary<string, string> { ["Email"] = cohort.Trainees[0].Email!, ["Password"] = SiteClient.TestPassword, ["ReturnUrl"] = fromEditor! });
        var editor = await signIn.GetAsync(signedIn.Headers.Location!.OriginalString);
        var backFromWarning = await signIn.GetAsync(fromWarning!);
        var backFromDraft = await signIn.GetAsync($"/reflections/{work.Id}/draft");
        var submissions = await site.WithScopeAsync((_, db) => db.Set<Submission>().CountAsync(s => s.WorkId == work.Id));

        Assert.Equal($"/reflections/{work.Id}", fromEditor);
        Assert.Equal("/", fromElsewhere);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"/reflections/{work.Id}", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Contains("id=\"reflection-form\"", await editor.Content.ReadAsStringAsync());
        Assert.Equal($"/reflections/{work.Id}", backFromWarning.Headers.Location?.OriginalString);
        Assert.Equal($"/reflections/{work.Id}", backFromDraft.Headers.Location?.OriginalString);
        Assert.Equal(0, submissions);
    }

    [Fact]
    public async Task ChallengedPost_AnyRoute_ReturnUrlIsNeverAPostOnlyAddress()
    {
        var admin = await AsAsync(site, await site.PersonAsync(Security.Roles.Administrator));
        var anonymous = SiteClient.For(site);
        var token = await anonymous.TokenAsync("/account/signin");
        var problems = new List<string>();
        var challenged = 0;
        foreach (var route in RouteCatalog.Discover(site).Where(r => r.Method == "POST"))
        {
            var path = route.Fill(p => p.ParameterPolicies.Any(x => x.Content == "guid") ? Guid.Empty.ToString() : "1");
            // The worst case: the form was shown at its own POST address (a page re-rendered with errors).
            var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
            post.Headers.Referrer = new Uri(anonymous.Http.BaseAddress!, path);
            var response = await anonymous.Http.SendAsync(post);
            var location = response.Headers.Location is { } l ? new Uri(anonymous.Http.BaseAddress!, l) : null;
            if (location?.AbsolutePath != "/account/signin")
            {
                continue; // open to everyone (sign-in, password reset)
            }

            challenged++;
            var back = System.Web.HttpUtility.ParseQueryString(location.Query)["ReturnUrl"] ?? "/";
            var get = await admin.GetAsync(back);
            if (get.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                problems.Add($"{route.Key}: ReturnUrl {back} answers 405 to GET");
            }
        }

        Assert.True(challenged > 30, $"only {challenged} POST routes were challenged");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task DraftArrivingAfterTheHandIn_WritesNothing_TheWorkStaysHandedIn()
    {
        var (cohort, work) = await ReleasedAsync();
        var me = cohort.Trainees[0].Id;

        // The autosave read the work while it was open; the hand-in committed before the autosave wrote.
        var saved = await site.WithScopeAsync(async (sp, _) =>
        {
            var autosave = sp.GetRequiredService<WorkService>();
            var stale = await autosave.FindOwnAsync(work.Id, me);
            var handIn = await site.WithScopeAsync(async (sp2, _) =>
            {
                var works = sp2.GetRequiredService<WorkService>();
                return await works.SubmitAsync((await works.FindOwnAsync(work.Id, me))!, Reflection, "race", confirmed: false, me);
            });
            Assert.Equal(SubmitStep.Submitted, handIn.Value?.Step);
            return await autosave.SaveDraftAsync(stale!, "an older autosave");
        });
        var after = await site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().AsNoTracking().SingleAsync(w => w.Id == work.Id));

        Assert.Null(saved);
        Assert.Equal(WorkStatus.Submitted, after.Status);
        Assert.Null(after.Draft);
        Assert.Null(after.DraftSavedUtc);
    }

    [Fact]
    public async Task ReviewFeedback_WithACitizensName_WarnKeepTextSaveNothing_ConfirmSaves()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(trainee, work.Id, Reflection, "t-fb")).StatusCode);
        var trainer = await AsAsync(site, cohort.Trainer);
        var url = $"/review/{work.Id}";
        var text = "Think of how Gunnel Andersson i hemtjänsten felt that morning.";

        var warned = await trainer.PostFormAsync(url, url, Marked(new Dictionary<string, string> { ["version"] = "1", ["decision"] = "RevisionRequested", ["feedback"] = text }));
        var page = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var before = await site.WithScopeAsync((_, db) => db.Set<Review>().CountAsync(r => r.WorkId == work.Id));
        var confirmed = await trainer.PostFormAsync(url, url, Marked(new Dictionary<string, string> { ["version"] = "1", ["citizenDataConfirmed"] = "RevisionRequested", ["feedback"] = text }));
        var review = await site.WithScopeAsync((_, db) => db.Set<Review>().AsNoTracking().SingleAsync(r => r.WorkId == work.Id));
        var marks = await site.WithScopeAsync((_, db) => db.Set<RubricMark>().CountAsync(m => db.Set<Submission>().Any(s => s.Id == m.SubmissionId && s.WorkId == work.Id)));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", page);
        Assert.Contains("<mark", page);
        Assert.Contains($">{text}</textarea>", page); // what was typed stays
        Assert.Contains("name=\"citizenDataConfirmed\" value=\"RevisionRequested\"", page);
        Assert.Matches("id=\"mark-insight-2\" name=\"marks\\[insight\\]\" value=\"2\" checked", page); // the rubric marks stay chosen
        Assert.Equal(0, before); // nothing saved
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal((ReviewDecision.RevisionRequested, text), (review.Decision, review.FeedbackMarkdown));
        Assert.Equal(5, marks); // 'save anyway' carried the marks too
    }

    [Fact]
    public async Task CitizenData_WarnsWithHighlight_SubmitAnywayIsRecorded()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        var text = "I visited the resident Karl Svensson at Storgatan 12 and called 070-123 45 67.";

        var warned = await SubmitAsync(trainee, work.Id, text, "c1");
        var body = await warned.Content.ReadAsStringAsync();
        var before = await site.WithScopeAsync((_, db) => db.Set<Submission>().CountAsync(s => s.WorkId == work.Id));
        var anyway = await SubmitAsync(trainee, work.Id, text, "c1", confirm: true);
        var saved = await site.WithScopeAsync((_, db) => db.Set<Submission>().SingleAsync(s => s.WorkId == work.Id));
        var audit = await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == work.Id.ToString()).Select(a => a.Details).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("<mark", body);
        Assert.Contains("Initials are not", WebUtility.HtmlDecode(body).Replace("initials are not", "Initials are not"));
        Assert.Contains(text, WebUtility.HtmlDecode(body)); // the text comes back in the editor
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.True(saved.SubmittedDespiteWarning);
        Assert.True(saved.Findings >= 2);
        Assert.Contains("despite", audit);
    }

    [Fact]
    public async Task CitizenData_DraftSave_WarnsWithHighlight_AndKeepsTheText()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        const string Text = "Gunnel Andersson i hemtjänsten ville inte duscha. Sedan hjälper vi Anna Svensson ut.";

        var warned = await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/draft", new Dictionary<string, string> { ["text"] = Text });
        var body = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var clean = await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/draft", new Dictionary<string, string> { ["text"] = "Vi testade nya tider i Malmö i maj." });
        var draft = await site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().Where(w => w.Id == work.Id).Select(w => w.Draft).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", body);
        Assert.Contains("<mark", body);
        Assert.Contains(Text, body); // the text stays in the editor
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode); // nothing found: saved as before
        Assert.Equal("Vi testade nya tider i Malmö i maj.", draft);
    }

    [Fact]
    public async Task Privacy_LeaderOtherTraineeAndOtherTrainer_GetNothing()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        await SubmitAsync(trainee, work.Id, Reflection, "p1");

        var leader = await AsAsync(site, cohort.Leader);
        var peer = await AsAsync(site, cohort.Trainees[1]);
        var otherCohort = await site.CohortAsync(1);
        var otherTrainer = await AsAsync(site, otherCohort.Trainer);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await peer.GetAsync($"/reflections/{work.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await peer.GetAsync($"/reflections/{work.Id + 100000}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await peer.PostFormAsync("/reflections", $"/reflections/{work.Id}/draft", new Dictionary<string, string> { ["text"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/reflections/{work.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/review/{work.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTrainer.GetAsync($"/review/{work.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTrainer.PostFormAsync("/review", $"/review/{work.Id}", new Dictionary<string, string> { ["version"] = "1", ["decision"] = "Accepted" })).StatusCode);
        Assert.DoesNotContain("Marker-7f3a", await otherTrainer.GetStringAsync("/review?status=all"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/review/{work.Id}")).StatusCode);

        // Every page a leader can reach, following every link from the start page: no reflection text anywhere.
        var seen = await Crawl.PagesAsync(leader, "/");
        Assert.True(seen.Count >= 5, string.Join(", ", seen.Keys));
        Assert.Contains("/team", seen.Keys);
        Assert.All(seen, p => Assert.DoesNotContain("Marker-7f3a", p.Value));
        var csv = await leader.GetStringAsync("/team/export.csv");
        Assert.DoesNotContain("Marker-7f3a", csv);
    }

    [Fact]
    public async Task BadInput_TooLongDoubleClickBeforeReleaseAndLate()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        var huge = new string('a', 1_000_000);

        await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/draft", new Dictionary<string, string> { ["text"] = "a first thought" });
        var tooLong = await SubmitAsync(trainee, work.Id, huge, "x1");
        var tooLongBody = await tooLong.Content.ReadAsStringAsync();
        var draftAfter = await site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().Where(w => w.Id == work.Id).Select(w => w.Draft).SingleAsync());
        var tooLongDraft = await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/draft", new Dictionary<string, string> { ["text"] = huge });
        var click1 = await SubmitAsync(trainee, work.Id, Reflection, "same");
        var click2 = await SubmitAsync(trainee, work.Id, Reflection, "same");
        var versions = await site.WithScopeAsync((_, db) => db.Set<Submission>().CountAsync(s => s.WorkId == work.Id));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("longer than 20,000 characters", tooLongBody);
        Assert.Contains(huge, tooLongBody); // the whole text comes back in the editor
        Assert.Equal("a first thought", draftAfter); // and the saved draft is not cut to the limit
        Assert.Equal(HttpStatusCode.BadRequest, tooLongDraft.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, click1.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, click2.StatusCode);
        Assert.Equal(1, versions);

        // Before release: a work row whose assignment has not opened is refused.
        var early = await site.WithScopeAsync(async (_, db) =>
        {
            var schedule = await db.Set<ScheduledAssignment>().FirstAsync(s => s.CohortId == cohort.Id && s.ReleasedUtc == null);
            var row = new AssignmentWork { ScheduledId = schedule.Id, CohortId = cohort.Id, UserId = cohort.Trainees[1].Id, LessonKey = schedule.LessonKey, DueUtc = schedule.DueUtc, ReleasedUtc = schedule.ReleaseUtc, Status = WorkStatus.Open };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var peer = await AsAsync(site, cohort.Trainees[1]);
        var refused = await SubmitAsync(peer, early, Reflection, "e1");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("has not opened yet", await refused.Content.ReadAsStringAsync());

        // After the due date: allowed and marked late.
        var peerWork = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[1].Id && w.LessonKey.EndsWith("/reflection") && w.Id != early);
        site.MoveTo(peerWork.DueUtc.AddHours(2));
        peer = await AsAsync(site, cohort.Trainees[1]);
        var late = await SubmitAsync(peer, peerWork.Id, Reflection, "l1");
        var lateRow = await site.WithScopeAsync((_, db) => db.Set<Submission>().SingleAsync(s => s.WorkId == peerWork.Id));
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.True(lateRow.Late);
    }

    [Fact]
    public async Task StaleReview_TraineeRevisedMeanwhile_TrainerIsTold()
    {
        var (cohort, work) = await ReleasedAsync();
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        await SubmitAsync(trainee, work.Id, Reflection, "s1");
        var trainer = await AsAsync(site, cohort.Trainer);
        await trainer.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", Marked(new Dictionary<string, string> { ["version"] = "1", ["decision"] = "RevisionRequested", ["feedback"] = "More, please." }));
        await SubmitAsync(trainee, work.Id, Reflection + " More.", "s2");

        // A trainer who read version 1 in another tab now posts against it.
        var stale = await trainer.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", Marked(new Dictionary<string, string> { ["version"] = "1", ["decision"] = "Accepted", ["feedback"] = "Fine" }));
        var reviews = await site.WithScopeAsync((_, db) => db.Set<Review>().CountAsync(r => r.WorkId == work.Id));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("handed in a new version while you were reading", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(1, reviews);
    }

    [Fact]
    public async Task Reminders_BeforeAndAfterDue_OnceEach_NotForSubmitted_CatchUpAfterDowntime()
    {
        var (cohort, work) = await ReleasedAsync(3);
        var submitter = await AsAsync(site, cohort.Trainees[2]);
        var submitterWork = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[2].Id && w.ScheduledId == work.ScheduledId);
        await SubmitAsync(submitter, submitterWork.Id, Reflection, "r1");

        Task<List<string>> Keys(string kind) => site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.Key.StartsWith("reflections:remind:") && i.Key.EndsWith(":" + kind)).Select(i => i.Key).ToListAsync());
        var mine = (await site.WorkAsync(cohort.Id)).Where(w => w.ScheduledId == work.ScheduledId).Select(w => $"reflections:remind:{w.Id}:").ToList();

        site.MoveTo(work.DueUtc.AddHours(-49));
        await site.DispatchAsync();
        Assert.DoesNotContain(await Keys("BeforeDue"), k => mine.Any(k.StartsWith));

        site.MoveTo(work.DueUtc.AddHours(-47));
        await site.DispatchAsync();
        await site.DispatchAsync();
        var before = (await Keys("BeforeDue")).Where(k => mine.Any(k.StartsWith)).ToList();
        Assert.Equal(2, before.Count); // two open, one submitted

        // Down over the due date and the next day: the after-due reminder comes once, late.
        site.MoveTo(work.DueUtc.AddHours(30));
        var result = await site.DispatchAsync();
        await site.DispatchAsync();
        var after = (await Keys("AfterDue")).Where(k => mine.Any(k.StartsWith)).ToList();
        var overdue = (await site.WorkAsync(cohort.Id)).Count(w => w.ScheduledId == work.ScheduledId && w.OverdueUtc != null);
        Assert.Equal(2, after.Count);
        Assert.Equal(2, overdue);
        Assert.True(result.Overdue >= 2);
    }

    [Fact]
    public async Task TrainerDigest_OncePerDayAfterTheDigestHour_CountsWhatWaits()
    {
        var (cohort, work) = await ReleasedAsync(2);
        await SubmitAsync(await AsAsync(site, cohort.Trainees[0]), work.Id, Reflection, "d1");
        Task<List<InboxItem>> Digests() => site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == cohort.Trainer.Id && i.Key.StartsWith("reflections:digest:")).ToListAsync());

        // The day's digest goes out on the first run after 07:00 programme time, once.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var local = TimeZoneInfo.ConvertTimeFromUtc(site.Clock.GetUtcNow().UtcDateTime, zone);
        var nextMorning = ScheduleRules.LocalToUtc(local.Date.AddDays(1).AddHours(6).AddMinutes(59), zone);
        site.MoveTo(nextMorning);
        var before = (await Digests()).Count;
        await site.DispatchAsync();
        Assert.Equal(before, (await Digests()).Count);

        site.MoveTo(nextMorning.AddMinutes(2));
        await site.DispatchAsync();
        await site.DispatchAsync();
        var digests = await Digests();
        Assert.Equal(before + 1, digests.Count);
        Assert.Contains("1 submissions wait for your review", digests.OrderBy(d => d.CreatedUtc).Last().Subject);

        site.MoveTo(nextMorning.AddDays(1).AddMinutes(2));
        await site.DispatchAsync();
        Assert.Equal(before + 2, (await Digests()).Count);
    }

    [Fact]
    public async Task Reminder_WrittenByTheDatabase_InTheRecipientsLanguage_WithDueTime_OpensFromTheInbox()
    {
        // Every other week, the default: at a weekly cadence module 2's practical falls due with module 1's reflection.
        var (cohort, work) = await ReleasedAsync(2, cadenceWeeks: 2);
        var swede = cohort.Trainees[0];
        await site.WithScopeAsync(async (_, db) => await db.Users.Where(u => u.Id == swede.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "sv")));
        site.MoveTo(work.DueUtc.AddHours(-47));
        await site.DispatchAsync();

        var notices = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking()
            .Where(i => i.Key.StartsWith("reflections:remind:") && (i.UserId == swede.Id || i.UserId == cohort.Trainees[1].Id)).ToListAsync());
        var swedish = Assert.Single(notices, n => n.UserId == swede.Id);
        var english = Assert.Single(notices, n => n.UserId == cohort.Trainees[1].Id);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var local = TimeZoneInfo.ConvertTimeFromUtc(work.DueUtc, zone);
        Assert.Equal($"reflections:remind:{work.Id}:BeforeDue", swedish.Key);
        Assert.StartsWith("Påminnelse:", swedish.Subject);
        Assert.Contains(local.ToString("d MMM yyyy HH:mm", new System.Globalization.CultureInfo("sv")), swedish.Body);
        Assert.StartsWith("Reminder", english.Subject);
        Assert.Contains(local.ToString("d MMM yyyy HH:mm", new System.Globalization.CultureInfo("en")), english.Body);
        Assert.Equal($"/reflections/{work.Id}", swedish.Url);
        Assert.NotEqual(swedish.Id, english.Id);

        // The Guid the database made is the one EF finds: the trainee opens the notice and it is read.
        var trainee = await AsAsync(site, swede);
        var open = await trainee.PostFormAsync("/inbox", $"/inbox/{swedish.Id}/read", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/reflections/{work.Id}", open.Headers.Location?.OriginalString);
        Assert.NotNull(await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.Id == swedish.Id).Select(i => i.ReadUtc).FirstAsync()));
    }

    [Fact]
    public async Task Reminder_ReadAsRows_WhenNotWrittenInTheDatabase_SameNoticeOnce()
    {
        // The path every database without a tested INSERT … SELECT takes (Reflections:RemindersInDatabase=false).
        var (cohort, work) = await ReleasedAsync(2, cadenceWeeks: 2);
        var swede = cohort.Trainees[0];
        await site.WithScopeAsync(async (_, db) => await db.Users.Where(u => u.Id == swede.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "sv")));
        site.MoveTo(work.DueUtc.AddHours(-47));
        var options = Microsoft.Extensions.Options.Options.Create(new ReflectionOptions { RemindersInDatabase = false });
        Task<(int Reminders, int Notices)> RemindByRowsAsync() => site.WithScopeAsync((sp, db) => ActivatorUtilities.CreateInstance<Dispatcher>(sp, options).RemindAsync());

        var first = await RemindByRowsAsync();
        var again = await RemindByRowsAsync();

        Assert.Equal(first.Reminders, first.Notices);
        Assert.True(first.Reminders >= cohort.Trainees.Count);
        Assert.Equal((0, 0), again);
        var swedish = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().SingleAsync(i => i.Key == $"reflections:remind:{work.Id}:BeforeDue"));
        Assert.Equal(swede.Id, swedish.UserId);
        Assert.StartsWith("Påminnelse:", swedish.Subject);
        Assert.Equal($"/reflections/{work.Id}", swedish.Url);
        Assert.Equal(1, await site.WithScopeAsync((_, db) => db.Set<Reminder>().CountAsync(r => r.WorkId == work.Id && r.Kind == ReminderKind.BeforeDue)));
    }

    [Fact]
    public async Task Reminders_LongPastDue_AreSkippedAfterDowntime()
    {
        var (cohort, work) = await ReleasedAsync(1);
        site.MoveTo(work.DueUtc.AddDays(5));
        await site.DispatchAsync();
        var keys = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().CountAsync(i => i.Key.StartsWith($"reflections:remind:{work.Id}:")));
        Assert.Equal(0, keys);
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_TwentyTimes_NoDuplicateNoMissedEffect()
    {
        for (var round = 0; round < 20; round++)
        {
            var cohort = await site.CohortAsync(4, cadenceWeeks: 2);
            site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
            await Task.WhenAll(site.DispatchAsync(), site.DispatchAsync());
            var work = await site.WorkAsync(cohort.Id);
            site.MoveTo(work.First(w => w.LessonKey.EndsWith("/practical")).DueUtc.AddHours(-47)); // the two assignments open together, in either order
            await Task.WhenAll(site.DispatchAsync(), site.DispatchAsync());
            var people = cohort.Trainees.Select(t => t.Id).ToList();
            var notices = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => people.Contains(i.UserId)).Select(i => i.Key).ToListAsync());
            var reminders = await site.WithScopeAsync((_, db) => db.Set<Reminder>().CountAsync(r => work.Select(w => w.Id).Contains(r.WorkId)));

            Assert.Equal(8, work.Count);
            Assert.Equal(notices.Count, notices.Distinct().Count());
            Assert.Equal(8, notices.Count(k => k.StartsWith("reflections:released:")));
            // Two days before the practical's due date: its reminder is due, the reflection's (due a week later) not yet.
            Assert.Equal(4, notices.Count(k => k.StartsWith("reflections:remind:")));
            Assert.Equal(4, reminders);
        }
    }

    [Fact]
    public async Task TrainerMovesDates_AndGivesOneExtension_OtherTrainerRefused()
    {
        var (cohort, work) = await ReleasedAsync(2);
        var trainer = await AsAsync(site, cohort.Trainer);
        var page = await trainer.GetStringAsync($"/schedule/{cohort.Id}");
        var newDue = work.DueUtc.AddDays(3);
        var local = TimeZoneInfo.ConvertTimeFromUtc(newDue, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        var move = await trainer.PostFormAsync($"/schedule/{cohort.Id}", $"/schedule/{cohort.Id}/move/{work.ScheduledId}", new Dictionary<string, string> { ["due"] = local.ToString("yyyy-MM-ddTHH:mm") });
        var extendLocal = local.AddDays(4).ToString("yyyy-MM-ddTHH:mm");
        var extend = await trainer.PostFormAsync($"/schedule/{cohort.Id}", $"/schedule/{cohort.Id}/extend/{work.Id}", new Dictionary<string, string> { ["due"] = extendLocal });
        var past = await trainer.PostFormAsync($"/schedule/{cohort.Id}", $"/schedule/{cohort.Id}/extend/{work.Id}", new Dictionary<string, string> { ["due"] = "2020-01-01T08:00" });
        var rows = (await site.WorkAsync(cohort.Id)).Where(w => w.ScheduledId == work.ScheduledId).ToList();
        var other = await AsAsync(site, (await site.CohortAsync(1)).Trainer);

        Assert.Contains("Assignment dates", page);
        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, extend.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(newDue, rows.Single(w => w.Id != work.Id).DueUtc);
        Assert.Equal(newDue.AddDays(4), rows.Single(w => w.Id == work.Id).DueUtc);
        Assert.True(rows.Single(w => w.Id == work.Id).HasExtension);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/schedule/{cohort.Id}")).StatusCode);
    }

    [Fact]
    public async Task MoveWithAClearedDueDate_IsRefusedWithAMessage_AndMoveWithTheSameDatesTagsNothing()
    {
        var (cohort, work) = await ReleasedAsync(2);
        var trainer = await AsAsync(site, cohort.Trainer);
        var local = TimeZoneInfo.ConvertTimeFromUtc(work.DueUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).ToString("yyyy-MM-ddTHH:mm");

        var cleared = await trainer.PostFormAsync($"/schedule/{cohort.Id}", $"/schedule/{cohort.Id}/move/{work.ScheduledId}", new Dictionary<string, string> { ["due"] = "" });
        var clearedPage = await cleared.Content.ReadAsStringAsync();
        var same = await trainer.PostFormAsync($"/schedule/{cohort.Id}", $"/schedule/{cohort.Id}/move/{work.ScheduledId}", new Dictionary<string, string> { ["due"] = local });
        var after = await trainer.GetStringAsync($"/schedule/{cohort.Id}");
        var schedule = await site.WithScopeAsync((_, db) => db.Set<ScheduledAssignment>().AsNoTracking().SingleAsync(s => s.Id == work.ScheduledId));
        var audits = await site.WithScopeAsync((_, db) => db.Set<AuditEntry>().CountAsync(a => a.Action == "reflections.dates-moved" && a.Subject == work.ScheduledId.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, cleared.StatusCode);
        Assert.Contains("Enter the new due date and time before pressing Move", clearedPage);
        Assert.DoesNotContain("The dates were moved", clearedPage);
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        Assert.Contains("Nothing was moved: those are the dates already set.", after);
        Assert.False(schedule.DatesMoved);
        Assert.Equal(work.DueUtc, schedule.DueUtc);
        Assert.Equal(0, audits);
    }

    [Fact]
    public async Task CalendarFeed_PrivateUrlWithDates_RenewKillsTheOldOne()
    {
        var (cohort, _) = await ReleasedAsync(1);
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        var page = await trainee.GetStringAsync("/calendar");
        var url = System.Text.RegularExpressions.Regex.Match(page, "/calendar/([0-9a-f]+)\\.ics").Value;
        var anonymous = SiteClient.For(site);
        var feed = await anonymous.GetAsync(url);
        var ics = await feed.Content.ReadAsStringAsync();
        await trainee.PostFormAsync("/calendar", "/calendar/renew", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.StartsWith("text/calendar", feed.Content.Headers.ContentType!.ToString());
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains("Due: ", ics);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/0000000000000000000000.ics")).StatusCode);
    }

    [Fact]
    public async Task Notices_InRecipientsLanguage_TeamAndCohortViewsCountWithoutText()
    {
        var cohort = await site.CohortAsync(1, language: "sv");
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        var subject = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.UserId == cohort.Trainees[0].Id).Select(i => i.Subject).FirstAsync());
        var work = (await site.WorkAsync(cohort.Id)).First(w => w.LessonKey.EndsWith("/reflection"));
        await SubmitAsync(await AsAsync(site, cohort.Trainees[0]), work.Id, Reflection, "n1");

        var team = await (await AsAsync(site, cohort.Leader)).GetStringAsync("/team");
        var details = await (await AsAsync(site, cohort.Trainer)).GetStringAsync($"/cohorts/{cohort.Id}");

        Assert.StartsWith("Ny uppgift: ", subject);
        Assert.Contains("1 of 2 handed in", WebUtility.HtmlDecode(team));
        Assert.DoesNotContain("Marker-7f3a", team);
        Assert.Contains("1 waiting for review", WebUtility.HtmlDecode(details));
    }
}

/// <summary>Follows every same-site GET link from a start page, as the signed-in client, and returns each page's HTML.</summary>
public static class Crawl
{
    public static async Task<Dictionary<string, string>> PagesAsync(SiteClient client, string start, int limit = 150)
    {
        var seen = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && seen.Count < limit)
        {
            var url = queue.Dequeue();
            if (seen.ContainsKey(url))
            {
                continue;
            }

            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            seen[url] = body;
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(body, "href=\"(/[^\"#]*)\""))
            {
                var link = WebUtility.HtmlDecode(m.Groups[1].Value);
                if (!link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/css/", StringComparison.Ordinal) && !seen.ContainsKey(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return seen;
    }
}

public sealed class SqliteReflectionTests(ClockedSqliteSite site) : ReflectionTests<ClockedSqliteSite>(site);

public sealed class PostgresReflectionTests(ClockedPostgresSite site) : ReflectionTests<ClockedPostgresSite>(site);
