using System.Net;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Review with a rubric (#17): marks per criterion with the feedback, validation that keeps what was typed, the
/// trainer's comment bank, the queue's workload numbers and the reminder for reviews waiting too long; SQLite and PostgreSQL.
/// </summary>
public abstract class ReviewRubricTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private const string Reflection = "I asked the team before I decided. Marker-r17: the plan changed.";

    // The rubric of module 1's reflection (content/en/m1-role-and-mandate/rubric-reflection.md).
    private static readonly string[] Criteria = ["own-experience", "insight", "tension", "next-step", "privacy"];

    private static Task<SiteClient> AsAsync(SiteFactory site, AppUser person) => SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

    private async Task<(TestCohort Cohort, AssignmentWork Work, SiteClient Trainee)> HandedInAsync(string suffix = "reflection")
    {
        var cohort = await site.CohortAsync(2);
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        var work = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[0].Id && w.LessonKey.EndsWith("/" + suffix));
        var trainee = await AsAsync(site, cohort.Trainees[0]);
        var submitted = await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/submit", new Dictionary<string, string> { ["text"] = Reflection, ["token"] = "h-" + work.Id, ["confirm"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return (cohort, work, trainee);
    }

    private static Task<HttpResponseMessage> DecideAsync(SiteClient client, long id, string decision, string feedback, IEnumerable<(string Id, string Level)> marks, int version = 1)
    {
        var form = new Dictionary<string, string> { ["version"] = version.ToString(), ["decision"] = decision, ["feedback"] = feedback };
        foreach (var (criterion, level) in marks)
        {
            form[$"marks[{criterion}]"] = level;
        }

        return client.PostFormAsync($"/review/{id}", $"/review/{id}", form);
    }

    [Fact]
    public async Task MarkingRoundTrip_TrainerMarksEveryCriterion_TraineeSeesTheMarkedRubric()
    {
        var (cohort, work, trainee) = await HandedInAsync();
        var before = await trainee.GetStringAsync($"/reflections/{work.Id}");
        var trainer = await AsAsync(site, cohort.Trainer);
        var page = await trainer.GetStringAsync($"/review/{work.Id}");

        Assert.Contains("Grounded in your own practice", before); // the rubric before writing (and after handing in)
        Assert.Contains("Marker-r17", page);
        Assert.All(Criteria, c => Assert.Contains($"name=\"marks[{c}]\"", page));
        Assert.Contains("type=\"radio\" id=\"mark-insight-2\"", page);

        var decided = await DecideAsync(trainer, work.Id, "RevisionRequested", "Say what *you* noticed.", [("own-experience", "2"), ("insight", "1"), ("tension", "3"), ("next-step", "2"), ("privacy", "3")]);
        var marks = await site.WithScopeAsync((_, db) => (from m in db.Set<RubricMark>() join s in db.Set<Submission>() on m.SubmissionId equals s.Id where s.WorkId == work.Id select new { s.Number, m.CriterionId, m.Level, m.TrainerId }).ToListAsync());
        var own = WebUtility.HtmlDecode(await trainee.GetStringAsync($"/reflections/{work.Id}"));

        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await decided.Content.ReadAsStringAsync(), "error-summary.*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Equal(5, marks.Count);
        Assert.All(marks, m => Assert.Equal((1, cohort.Trainer.Id), (m.Number, m.TrainerId!.Value)));
        Assert.Equal(3, marks.Single(m => m.CriterionId == "tension").Level);
        Assert.Contains("The rubric as marked on version 1", own);
        Assert.Contains("3 of 3: Goes further", own);
        Assert.Contains("Weighs both sides fairly", own); // the descriptor of the level marked
        Assert.Contains("1 of 3: Not yet", own);
        Assert.Contains("<em>you</em>", own);
    }

    [Fact]
    public async Task Validation_MissingAndUnknownCriteria_400_KeepsFeedbackAndMarks_SavesNothing()
    {
        var (cohort, work, _) = await HandedInAsync();
        var trainer = await AsAsync(site, cohort.Trainer);

        var missing = await DecideAsync(trainer, work.Id, "Accepted", "Typed-feedback-kept-91", [("own-experience", "3"), ("insight", "2")]);
        var missingBody = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        var unknown = await DecideAsync(trainer, work.Id, "Accepted", "Good", [.. Criteria.Select(c => (c, "2")), ("forged", "2")]);
        var badLevel = await DecideAsync(trainer, work.Id, "Accepted", "Good", Criteria.Select(c => (c, c == "insight" ? "7" : "2")));
        var noDecision = await DecideAsync(trainer, work.Id, "Maybe", "Still-typed-55", [("tension", "1")]);
        var saved = await site.WithScopeAsync(async (_, db) => (await db.Set<Review>().CountAsync(r => r.WorkId == work.Id), await db.Set<RubricMark>().CountAsync(m => db.Set<Submission>().Any(s => s.Id == m.SubmissionId && s.WorkId == work.Id))));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Choose a level for “The pull between authority and co-creation”.", missingBody);
        Assert.Contains("Choose a level for “A next step”.", missingBody);
        Assert.Contains("Typed-feedback-kept-91", missingBody);
        Assert.Matches("id=\"mark-own-experience-3\" name=\"marks\\[own-experience\\]\" value=\"3\" checked", missingBody);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("criterion this rubric does not have", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.Contains("is not one of the rubric’s three", WebUtility.HtmlDecode(await badLevel.Content.ReadAsStringAsync()));
        var noDecisionBody = await noDecision.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);
        Assert.Contains("Still-typed-55", noDecisionBody);
        Assert.Matches("id=\"mark-tension-1\" name=\"marks\\[tension\\]\" value=\"1\" checked", noDecisionBody);
        Assert.Equal((0, 0), saved);
    }

    [Fact]
    public async Task WithoutARubric_FreeTextReviewAsBefore_AMarkIsRefused()
    {
        var (cohort, work, _) = await HandedInAsync();
        // An assignment without a rubric (a key the curriculum has none for), handed in by another person of the cohort.
        var person = await site.PersonAsync(Security.Roles.Trainee);
        var id = await site.WithScopeAsync(async (_, db) =>
        {
            var row = new AssignmentWork { ScheduledId = work.ScheduledId, CohortId = cohort.Id, UserId = person.Id, LessonKey = "m1-role-and-mandate/no-rubric", DueUtc = work.DueUtc, ReleasedUtc = work.ReleasedUtc, Status = WorkStatus.Submitted, Versions = 1, Active = true, LastSubmittedUtc = site.Clock.GetUtcNow().UtcDateTime };
            db.Add(row);
            await db.SaveChangesAsync();
            db.Add(new Submission { WorkId = row.Id, Number = 1, Text = "Free-text-only-42", SubmittedUtc = row.LastSubmittedUtc.Value, SubmitToken = "nr" });
            await db.SaveChangesAsync();
            return row.Id;
        });
        var trainer = await AsAsync(site, cohort.Trainer);

        var page = await trainer.GetStringAsync($"/review/{id}");
        var marked = await DecideAsync(trainer, id, "Accepted", "Fine", [("insight", "2")]);
        var plain = await DecideAsync(trainer, id, "Accepted", "Fine work.", []);
        Assert.True(plain.StatusCode == HttpStatusCode.Redirect, plain.StatusCode + System.Text.RegularExpressions.Regex.Match(await plain.Content.ReadAsStringAsync(), "error-summary.*?</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        var stored = await site.WithScopeAsync(async (_, db) => (await db.Set<Review>().Where(r => r.WorkId == id).Select(r => r.FeedbackMarkdown).SingleAsync(), await db.Set<RubricMark>().CountAsync(m => db.Set<Submission>().Any(s => s.Id == m.SubmissionId && s.WorkId == id))));

        Assert.Contains("Free-text-only-42", page);
        Assert.DoesNotContain("name=\"marks[", page);
        Assert.Equal(HttpStatusCode.BadRequest, marked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal(("Fine work.", 0), stored);
    }

    [Fact]
    public async Task TrainerOutsideTheCohort_IsRefused_AndSavesNoMarks()
    {
        var (_, work, _) = await HandedInAsync();
        var other = await site.CohortAsync(1);
        var outsider = await AsAsync(site, other.Trainer);

        var page = await outsider.GetAsync($"/review/{work.Id}");
        var post = await DecideAsync(outsider, work.Id, "Accepted", "Sneaky", Criteria.Select(c => (c, "3")));
        var missing = await outsider.GetAsync("/review/99999999");
        var marks = await site.WithScopeAsync((_, db) => db.Set<RubricMark>().CountAsync(m => db.Set<Submission>().Any(s => s.Id == m.SubmissionId && s.WorkId == work.Id)));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, marks);
    }

    [Fact]
    public async Task CommentBank_CrudScopedToOwner_InsertWithoutScript()
    {
        var (cohort, work, _) = await HandedInAsync();
        var trainer = await AsAsync(site, cohort.Trainer);
        var otherTrainer = await AsAsync(site, (await site.CohortAsync(1)).Trainer);

        var empty = await trainer.PostFormAsync("/review/comments", "/review/comments", new Dictionary<string, string> { ["text"] = "   " });
        var added = await trainer.PostFormAsync("/review/comments", "/review/comments", new Dictionary<string, string> { ["text"] = "Name the moment you changed your mind." });
        var id = await site.WithScopeAsync((_, db) => db.Set<SavedComment>().Where(c => c.OwnerId == cohort.Trainer.Id).Select(c => c.Id).SingleAsync());
        var tooLong = await trainer.PostFormAsync("/review/comments", $"/review/comments/{id}", new Dictionary<string, string> { ["text"] = new string('x', 2001) });
        var edited = await trainer.PostFormAsync("/review/comments", $"/review/comments/{id}", new Dictionary<string, string> { ["text"] = "Name the moment you changed your mind, and why." });
        var list = await trainer.GetStringAsync("/review/comments");
        var othersList = await otherTrainer.GetStringAsync("/review/comments");
        var othersEdit = await otherTrainer.PostFormAsync("/review/comments", $"/review/comments/{id}", new Dictionary<string, string> { ["text"] = "Mine now" });
        var othersDelete = await otherTrainer.PostFormAsync("/review/comments", $"/review/comments/{id}/delete", []);
        var othersInsert = await otherTrainer.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", new Dictionary<string, string> { ["version"] = "1", ["insert"] = "comment", ["comment"] = id.ToString() });

        // Without script, "Insert" posts the form: the comment is added after what was typed, the marks stay, nothing is saved.
        var inserted = await trainer.PostFormAsync($"/review/{work.Id}", $"/review/{work.Id}", new Dictionary<string, string> { ["version"] = "1", ["feedback"] = "Good start.", ["marks[insight]"] = "2", ["insert"] = "comment", ["comment"] = id.ToString() });
        var insertedBody = WebUtility.HtmlDecode(await inserted.Content.ReadAsStringAsync());
        var reviews = await site.WithScopeAsync((_, db) => db.Set<Review>().CountAsync(r => r.WorkId == work.Id));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Write the comment before you save it.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains(new string('x', 2001), await tooLong.Content.ReadAsStringAsync()); // what was typed comes back
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Name the moment you changed your mind, and why.", list);
        Assert.DoesNotContain("changed your mind", othersList);
        Assert.Equal(HttpStatusCode.NotFound, othersEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersInsert.StatusCode); // not their cohort at all
        Assert.Equal(HttpStatusCode.OK, inserted.StatusCode);
        Assert.Contains("Good start.\n\nName the moment you changed your mind, and why.</textarea>", insertedBody.ReplaceLineEndings("\n"));
        Assert.Matches("id=\"mark-insight-2\" name=\"marks\\[insight\\]\" value=\"2\" checked", insertedBody);
        Assert.Equal(0, reviews);

        var deleted = await trainer.PostFormAsync("/review/comments", $"/review/comments/{id}/delete", []);
        var left = await site.WithScopeAsync((_, db) => db.Set<SavedComment>().CountAsync(c => c.OwnerId == cohort.Trainer.Id));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task CommentBank_ACitizensName_WarnsKeepsTextSavesNothing_SaveAnywaySaves()
    {
        var (cohort, _, _) = await HandedInAsync();
        var trainer = await AsAsync(site, cohort.Trainer);
        const string text = "Think of how Gunnel Andersson i hemtjänsten would hear this.";
        Task<int> CountAsync() => site.WithScopeAsync((_, db) => db.Set<SavedComment>().CountAsync(c => c.OwnerId == cohort.Trainer.Id && c.Text == text));

        var warned = await trainer.PostFormAsync("/review/comments", "/review/comments", new Dictionary<string, string> { ["text"] = text });
        var warnedBody = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var before = await CountAsync();
        var saved = await trainer.PostFormAsync("/review/comments", "/review/comments", new Dictionary<string, string> { ["text"] = text, ["citizenDataConfirmed"] = "true" });
        var after = await CountAsync();

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", warnedBody);
        Assert.Contains("<mark", warnedBody);
        Assert.Contains($">{text}</textarea>", warnedBody);
        Assert.Contains("name=\"citizenDataConfirmed\" value=\"true\"", warnedBody);
        Assert.Equal((0, 1), (before, after));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Editing a clean comment into one with a name: warned, the old text kept in the database, the typed text in the form.
        await trainer.PostFormAsync("/review/comments", "/review/comments", new Dictionary<string, string> { ["text"] = "Clean-comment-31" });
        var id = await site.WithScopeAsync((_, db) => db.Set<SavedComment>().Where(c => c.OwnerId == cohort.Trainer.Id && c.Text == "Clean-comment-31").Select(c => c.Id).SingleAsync());
        var edit = await trainer.PostFormAsync("/review/comments", $"/review/comments/{id}", new Dictionary<string, string> { ["text"] = "Clean-comment-31 for Anna Svensson" });
        var editBody = WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync());
        var stored = await site.WithScopeAsync((_, db) => db.Set<SavedComment>().Where(c => c.Id == id).Select(c => c.Text).SingleAsync());
        var othersEdit = await (await AsAsync(site, (await site.CohortAsync(1)).Trainer)).PostFormAsync("/review/comments", $"/review/comments/{id}", new Dictionary<string, string> { ["text"] = "For Anna Svensson" });

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("citizen-warning", editBody);
        Assert.Contains(">Clean-comment-31 for Anna Svensson</textarea>", editBody);
        Assert.Equal("Clean-comment-31", stored);
        Assert.Equal(HttpStatusCode.NotFound, othersEdit.StatusCode); // another trainer's comment stays a 404, warning or not
    }

    [Fact]
    public async Task Queue_ShowsWorkloadAndTimeToFirstReview()
    {
        var (cohort, work, _) = await HandedInAsync();
        var other = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[1].Id && w.LessonKey.EndsWith("/reflection"));
        var second = await AsAsync(site, cohort.Trainees[1]);
        await second.PostFormAsync($"/reflections/{other.Id}", $"/reflections/{other.Id}/submit", new Dictionary<string, string> { ["text"] = Reflection, ["token"] = "q2", ["confirm"] = "false" });
        site.MoveTo(site.Clock.GetUtcNow().UtcDateTime.AddHours(3));
        var trainer = await AsAsync(site, cohort.Trainer);
        await DecideAsync(trainer, work.Id, "Accepted", "Good", Criteria.Select(c => (c, "2")));

        var queue = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/review?cohort={cohort.Id}"));

        Assert.Contains("Workload and time to first review", queue);
        Assert.Contains("1 hand-ins reviewed; time to first review: median 3 h, 90th percentile 3 h", queue);
        Assert.Matches($"<th scope=\"row\">{System.Text.RegularExpressions.Regex.Escape(cohort.Trainer.DisplayName)}</th>\\s*<td data-label=\"Waiting\">1</td>\\s*<td data-label=\"Reviewed in 30 days\">1</td>\\s*<td data-label=\"Time to first review, median\">3 h</td>", queue);
    }

    [Fact]
    public async Task ReviewReminder_AfterTheConfiguredDays_ExactlyOnce_EvenRunTwiceAndAtOnce()
    {
        var (cohort, work, trainee) = await HandedInAsync();
        Task<int> RunAsync() => site.WithScopeAsync((sp, _) => sp.GetRequiredService<ReviewReminderService>().RunAsync());
        Task<List<InboxItem>> Reminders() => site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().Where(i => i.Key.StartsWith($"reflections:review-waiting:{work.Id}:")).ToListAsync());
        var handedIn = (await site.WorkAsync(cohort.Id)).Single(w => w.Id == work.Id).LastSubmittedUtc!.Value;

        site.MoveTo(handedIn.AddDays(5).AddMinutes(-5));
        await RunAsync();
        Assert.Empty(await Reminders());

        site.MoveTo(handedIn.AddDays(5).AddMinutes(1));
        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        await RunAsync();
        var once = await Reminders();

        Assert.Single(once);
        Assert.Equal(cohort.Trainer.Id, once[0].UserId);
        Assert.Contains("more than 5 days", once[0].Subject);

        // Reviewed and handed in again: the new version crosses the threshold anew, once.
        var trainer = await AsAsync(site, cohort.Trainer);
        await DecideAsync(trainer, work.Id, "RevisionRequested", "More, please.", Criteria.Select(c => (c, "1")));
        trainee = await AsAsync(site, cohort.Trainees[0]);
        await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/submit", new Dictionary<string, string> { ["text"] = Reflection + " More.", ["token"] = "v2", ["confirm"] = "false" });
        site.MoveTo(site.Clock.GetUtcNow().UtcDateTime.AddDays(6));
        await Task.WhenAll(RunAsync(), RunAsync());
        await RunAsync();
        Assert.Equal(2, (await Reminders()).Count);
    }

    [Fact]
    public async Task Privacy_ExportsCommentsAndMarks_ErasureDeletesTheBankAndAnonymisesMarks()
    {
        var (cohort, work, _) = await HandedInAsync();
        var trainer = await AsAsync(site, cohort.Trainer);
        await trainer.PostFormAsync("/review/comments", "/review/comments", new Dictionary<string, string> { ["text"] = "Private-bank-text" });
        await DecideAsync(trainer, work.Id, "Accepted", "Good", Criteria.Select(c => (c, "3")));

        var export = await site.WithScopeAsync((sp, _) => sp.GetServices<IPrivacyProvider>().OfType<ReviewPrivacyProvider>().Single().ExportAsync(cohort.Trainer.Id));
        var json = System.Text.Json.JsonSerializer.Serialize(export.Data);
        var traineeExport = await site.WithScopeAsync((sp, _) => sp.GetServices<IPrivacyProvider>().OfType<ReviewPrivacyProvider>().Single().ExportAsync(cohort.Trainees[0].Id));
        await site.WithScopeAsync((sp, _) => sp.GetServices<IPrivacyProvider>().OfType<ReviewPrivacyProvider>().Single().EraseAsync(cohort.Trainer.Id));
        await site.WithScopeAsync((sp, _) => sp.GetServices<IPrivacyProvider>().OfType<ReviewPrivacyProvider>().Single().EraseAsync(cohort.Trainer.Id));
        var after = await site.WithScopeAsync(async (_, db) => (
            await db.Set<SavedComment>().CountAsync(c => c.OwnerId == cohort.Trainer.Id),
            await db.Set<RubricMark>().CountAsync(m => m.TrainerId == cohort.Trainer.Id),
            await db.Set<RubricMark>().CountAsync(m => db.Set<Submission>().Any(s => s.Id == m.SubmissionId && s.WorkId == work.Id))));

        Assert.Equal("Reflections.Review", export.Module);
        Assert.Contains("Private-bank-text", json);
        Assert.Contains("own-experience", json);
        Assert.DoesNotContain("Private-bank-text", System.Text.Json.JsonSerializer.Serialize(traineeExport.Data));
        Assert.Contains("own-experience", System.Text.Json.JsonSerializer.Serialize(traineeExport.Data));
        Assert.Equal((0, 0, 5), after);
    }
}

public sealed class SqliteReviewRubricTests(ClockedSqliteSite site) : ReviewRubricTests<ClockedSqliteSite>(site);

public sealed class PostgresReviewRubricTests(ClockedPostgresSite site) : ReviewRubricTests<ClockedPostgresSite>(site);
