using System.Globalization;
using System.Security.Claims;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.ViewModels;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Reading the programme. A lesson page costs one query, the reader's completions in that module: the
/// content comes from the per-generation snapshot, and the generation from <see cref="GenerationWatch"/>
/// (a publish on this node shows at once, on another node within about a second).
/// </summary>
public sealed class LearnPages(CurriculumCatalog catalog, CompletedLessons completed, ICohortDirectory cohorts, IAssignmentProgress assignments)
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<ProgrammeViewModel> ProgrammeAsync(ClaimsPrincipal user)
    {
        var snapshot = await catalog.GetForReadersAsync();
        var me = user.RequiredPersonId();
        var placement = await cohorts.FindPlacementAsync(me);
        var modules = snapshot.ForTrack(TrackFor(placement, user)).ToList();
        var done = await CompletedAsync(me);

        var progress = modules.Select(m => Progress(snapshot, m, done)).ToList();
        var next = modules.SelectMany(m => m.Lessons).FirstOrDefault(l => !done.Contains(l.Key));
        var resume = next is null ? null : new ResumeLinkRow(next.ModuleId, next.Slug, snapshot.LessonText(next.Key, Language)?.Value.Title ?? next.Slug);
        var track = TrackFor(placement, user);
        var audiences = KitAccess.AudiencesOf(user);
        var completion = snapshot.Kit
            .Where(d => d.Kind == "completion" && (track is null || d.Track == track) && KitAccess.CanRead(d, audiences))
            .Select(d => (d, Text: snapshot.KitText(d.Id, Language)))
            .Where(x => x.Text is not null)
            .Select(x => new CompletionCriteriaRow(x.d.Track ?? "", x.Text!.Value.Title, x.Text.Value.Html, x.Text.Value.Language))
            .ToList();
        return new ProgrammeViewModel(progress, resume, placement?.CohortName, next is null && modules.Count > 0, completion);
    }

    /// <summary>A module's page, or null when there is no such module.</summary>
    public async Task<ModulePageViewModel?> ModuleAsync(ClaimsPrincipal user, string module)
    {
        var snapshot = await catalog.GetForReadersAsync();
        if (snapshot.Module(module) is not { } item)
        {
            return null;
        }

        var me = user.RequiredPersonId();
        var done = await CompletedInAsync(me, item);
        var rows = item.Items.Select(i => Row(snapshot, i, done)).Where(r => r is not null).Select(r => r!).ToList();
        var moduleText = snapshot.ModuleText(item.Id, Language)?.Value;
        var intro = moduleText?.IntroHtml ?? "";
        var work = (await assignments.ForModuleAsync(me, item.Id)).ToDictionary(a => a.LessonKey[(a.LessonKey.IndexOf('/') + 1)..]);
        return new ModulePageViewModel(Progress(snapshot, item, done), intro, rows, work, moduleText?.ObjectivesHtml);
    }

    /// <summary>A lesson's page, or null when the module, the lesson or its text is missing.</summary>
    public async Task<LessonPageViewModel?> LessonAsync(ClaimsPrincipal user, string module, string lesson)
    {
        var snapshot = await catalog.GetForReadersAsync();
        var item = snapshot.Module(module);
        var index = item?.Items.ToList().FindIndex(i => i.Slug == lesson) ?? -1;
        if (item is null || index < 0 || snapshot.LessonText(item.Items[index].Key, Language) is not { } text)
        {
            return null;
        }

        var done = await CompletedInAsync(user.RequiredPersonId(), item);
        var current = item.Items[index];
        return new LessonPageViewModel(
            Progress(snapshot, item, done),
            current.Slug,
            current.Kind,
            text.Value.Title,
            text.Value.ReadingMinutes,
            text.Value.Html,
            text.Value.TocHtml,
            text.Value.Prompt,
            current.DueOffsetDays,
            text.IsFallback,
            text.Value.Language,
            done.Contains(current.Key),
            index > 0 ? Row(snapshot, item.Items[index - 1], done) : null,
            index < item.Items.Count - 1 ? Row(snapshot, item.Items[index + 1], done) : null,
            current.Key);
    }

    /// <summary>The start page's panel: how far the reader is in their track and where to continue; null for those who follow no track.</summary>
    public async Task<LearnPanelViewModel?> PanelAsync(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Trainee) && !user.IsInRole(Roles.Leader))
        {
            return null;
        }

        var me = user.RequiredPersonId();
        var snapshot = await catalog.GetForReadersAsync();
        var placement = await cohorts.FindPlacementAsync(me);
        var lessons = snapshot.ForTrack(TrackFor(placement, user)).SelectMany(m => m.Lessons).ToList();
        var done = await CompletedAsync(me);
        var next = lessons.FirstOrDefault(l => !done.Contains(l.Key));
        return new LearnPanelViewModel(
            lessons.Count(l => done.Contains(l.Key)),
            lessons.Count,
            next is null ? null : new ResumeLinkRow(next.ModuleId, next.Slug, snapshot.LessonText(next.Key, Language)?.Value.Title ?? next.Slug));
    }

    /// <summary>The cohort's track; without a cohort: leaders the leader track, trainees the trainee track, others everything.</summary>
    internal static string? TrackFor(CohortPlacement? placement, ClaimsPrincipal user) =>
        placement?.Track
        ?? (user.IsInRole(Roles.Trainee) ? "trainee" : user.IsInRole(Roles.Leader) ? "leader" : null);

    private async Task<HashSet<string>> CompletedAsync(Guid me, string? prefix = null)
    {
        var all = await completed.OfAsync(me);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in all)
        {
            if (prefix is null || key.StartsWith(prefix, StringComparison.Ordinal))
            {
                done.Add(key);
            }
        }

        return done;
    }

    private Task<HashSet<string>> CompletedInAsync(Guid me, ModuleItem module) => CompletedAsync(me, module.Id + "/");

    private static ModuleProgressRow Progress(CurriculumSnapshot snapshot, ModuleItem module, HashSet<string> done)
    {
        var text = snapshot.ModuleText(module.Id, Language);
        var lessons = module.Lessons.ToList();
        return new ModuleProgressRow(module.Id, text?.Value.Title ?? module.Id, text?.Value.Summary ?? "", lessons.Count(l => done.Contains(l.Key)), lessons.Count, text?.IsFallback ?? false);
    }

    private static ItemRow? Row(CurriculumSnapshot snapshot, LessonItem item, HashSet<string> done) =>
        snapshot.LessonText(item.Key, Language) is { } text
            ? new ItemRow(item.Slug, item.Kind, text.Value.Title, text.Value.ReadingMinutes, done.Contains(item.Key), text.IsFallback)
            : null;
}
