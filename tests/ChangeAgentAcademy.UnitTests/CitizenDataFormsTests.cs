using System.Reflection;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>
/// The citizen-data check runs on every free text a person writes (#15). Every POST action that takes a string (or a
/// form model with one) is listed here: checked before saving ('save anyway' posts <c>citizenDataConfirmed</c>),
/// saved and then named (the draft autosave and a practical log's save: see Reflections' README), or exempt with the
/// reason. A new form with text fails this test until it is placed, and the integration tests prove each check.
/// </summary>
public sealed class CitizenDataFormsTests
{
    /// <summary>Checked before anything is saved; a finding shows the shared warning and keeps what was typed.</summary>
    private static readonly string[] CheckedBeforeSaving =
    [
        "ReflectionsController.Submit", // hand-in: the confirm step (confirm=true)
        "LogsController.Save", // hand-in of a log: the confirm step; a plain save is saved, then named
        "ReviewController.Decide", // a trainer's feedback; 'save anyway' carries the decision and the marks
        "CommentsController.Add", // the comment bank: a saved comment goes into many trainees' feedback
        "CommentsController.Edit",
        "SupervisionController.Contract",
        "SupervisionController.Notes",
        "SupervisionController.Evaluation",
        "WorkshopsController.Record",
        "WorkshopsController.AddIdea",
        "WorkshopRequestsController.Create", // a leader's wishes, read by trainers
        "WorkshopRequestsController.Decline", // the decline message to the leader
        "TeamController.Decide", // a leader's message with an enrolment decision; 'send anyway' carries the decision
    ];

    /// <summary>Saved, then what was found is named at once (the text is private to its writer until handed in, and losing typed text is worse).</summary>
    private static readonly string[] SavedThenNamed =
    [
        "ReflectionsController.Draft",
    ];

    /// <summary>Forms with strings that are not free text about work with citizens, and why they are not checked.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["AccountController.ChangePassword"] = "passwords",
        ["AccountController.SignIn"] = "an address and a password",
        ["AccountController.Forgot"] = "an address",
        ["AccountController.Reset"] = "an address, a token and a password",
        ["CurriculumAdminController.Rubric"] = "staff content: rubric authoring (criteria and level descriptors written by the programme's authors)",
        ["CurriculumAdminController.Restore"] = "route keys of a stored lesson version",
        ["LearnController.MarkDone"] = "route keys of a lesson",
        ["LanguageController.Set"] = "a language code and a local return address",
        ["ExternalSignInController.*"] = "sign-in plumbing (scheme names, return addresses)",
        ["CohortsController.Create"] = "staff content: a cohort's name and dates",
        ["CohortsController.Edit"] = "staff content: a cohort's name and dates",
        ["PeopleController.Create"] = "a staff member's name and address: the person's own account data, declared and erasable",
        ["PeopleController.Edit"] = "a staff member's name and address: the person's own account data",
        ["PeopleImportController.DryRun"] = "people's names and addresses from the municipality's list: account data",
        ["PeopleImportController.Apply"] = "people's names and addresses from the municipality's list: account data",
        ["TeamsController.Create"] = "staff content: a team's name",
        ["TeamsController.Edit"] = "staff content: a team's name",
        ["CurriculumAdminController.Edit"] = "staff content: lesson and rubric authoring by the programme's authors, reviewed before publishing",
        ["CurriculumAdminController.Preview"] = "renders Markdown, saves nothing",
        ["CurriculumAdminController.Resolve"] = "a choice between two stored versions",
        ["InboxController.SaveSettings"] = "a notice mode",
        ["SupervisionController.Create"] = "staff content: a group's name",
        ["SupervisionController.AddSession"] = "a date and time",
        ["SupervisionController.Move"] = "a date and time",
        ["WorkshopsController.Create"] = "staff content: a session's title and place",
        ["WorkshopRequestsController.Schedule"] = "staff content: the scheduled session's title and place",
        ["LogsController.Create"] = "a log type",
        ["RulesController.Save"] = "staff content: completion rules",
        ["CertificatesController.Revoke"] = "an administrator's reason for revoking a certificate, shown to its holder; Outcomes was out of bounds this session: to be checked (#15 follow-up)",
    };

    private static readonly string[] NotText = ["citizenDataConfirmed", "returnUrl", "decision", "token", "intent", "action", "insert", "choice"];

    private static IEnumerable<(Type Controller, MethodInfo Action)> PostActionsWithText() =>
        ModuleCatalog.SiteAssemblies()
            .Where(a => a.GetName().Name is { } n && !n.EndsWith("Testing", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (t, m)))
            .Where(x => x.m.GetCustomAttributes<HttpPostAttribute>().Any())
            .Where(x => x.m.GetParameters().Any(TakesText));

    private static bool TakesText(ParameterInfo p) =>
        p.ParameterType == typeof(string) ? !NotText.Contains(p.Name, StringComparer.Ordinal)
        : p.ParameterType.IsClass && p.ParameterType.Namespace?.StartsWith("ChangeAgentAcademy", StringComparison.Ordinal) == true
          && p.ParameterType.GetProperties().Any(q => q.PropertyType == typeof(string) && q.CanWrite);

    private static string Name((Type Controller, MethodInfo Action) x) => $"{x.Controller.Name}.{x.Action.Name}";

    private static bool Listed(string name) =>
        CheckedBeforeSaving.Contains(name) || SavedThenNamed.Contains(name) || Exempt.ContainsKey(name)
        || Exempt.ContainsKey(name[..name.IndexOf('.')] + ".*");

    [Fact]
    public void EveryPostWithText_IsCheckedOrExemptWithAReason()
    {
        var forms = PostActionsWithText().Select(Name).Distinct().ToList();
        var unlisted = forms.Where(f => !Listed(f)).ToList();

        Assert.True(forms.Count >= 20, $"only {forms.Count} forms with text found");
        Assert.True(unlisted.Count == 0, "forms with text that neither run the citizen-data check nor say why not (list them in CitizenDataFormsTests):\n" + string.Join("\n", unlisted));
    }

    [Fact]
    public void EveryCheckedForm_Exists_TakesTheCheck_AndCanBeSavedAnyway()
    {
        var actions = PostActionsWithText().ToDictionary(Name, x => x);
        var wrong = new List<string>();
        foreach (var name in CheckedBeforeSaving.Concat(SavedThenNamed))
        {
            if (!actions.TryGetValue(name, out var x))
            {
                wrong.Add($"{name}: no such POST action with text (rename it here)");
                continue;
            }

            // The controller takes the check itself, or through the service that saves (the hand-in's WorkService, the logs' service).
            var takes = x.Controller.GetConstructors().SelectMany(c => c.GetParameters()).Any(p =>
                p.ParameterType == typeof(ICitizenDataCheck)
                || p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()).Any(q => q.ParameterType == typeof(ICitizenDataCheck)));
            if (!takes)
            {
                wrong.Add($"{name}: neither the controller nor a service it takes uses ICitizenDataCheck");
            }

            var parameters = x.Action.GetParameters().Select(p => p.Name).ToList();
            if (CheckedBeforeSaving.Contains(name) && !parameters.Contains(CitizenDataWarning.ConfirmField) && !parameters.Contains("confirm"))
            {
                wrong.Add($"{name}: no '{CitizenDataWarning.ConfirmField}' (or hand-in 'confirm') to save anyway after a warning");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.All(Exempt.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }
}
