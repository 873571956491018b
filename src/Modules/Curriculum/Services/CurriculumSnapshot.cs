namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Everything a reader needs, built once per content generation: structure and published, already
/// rendered HTML per language. Page views look up the generation (one small query) and read the rest here.
/// </summary>
public sealed class CurriculumSnapshot(
    long generation,
    IReadOnlyList<ModuleItem> modules,
    IReadOnlyDictionary<(string, string), ModuleTextView> moduleTexts,
    IReadOnlyDictionary<(string, string), LessonText> lessonTexts,
    string defaultLanguage,
    IReadOnlyList<KitItem>? kit = null,
    IReadOnlyDictionary<(string, string), KitText>? kitTexts = null,
    IReadOnlyDictionary<(string, string), RubricView>? rubrics = null)
{
    private readonly IReadOnlyDictionary<(string, string), KitText> kitTexts = kitTexts ?? new Dictionary<(string, string), KitText>();
    private readonly IReadOnlyDictionary<(string, string), RubricView> rubrics = rubrics ?? new Dictionary<(string, string), RubricView>();

    public long Generation { get; } = generation;

    public IReadOnlyList<ModuleItem> Modules { get; } = modules;

    public ModuleItem? Module(string id) => Modules.FirstOrDefault(m => m.Id == id);

    public IEnumerable<ModuleItem> ForTrack(string? track) =>
        track is null ? Modules : Modules.Where(m => m.Tracks.Contains(track));

    public Localized<ModuleTextView>? ModuleText(string moduleId, string language) =>
        Resolve(moduleTexts, (moduleId, language), (moduleId, defaultLanguage));

    public Localized<LessonText>? LessonText(string key, string language) =>
        Resolve(lessonTexts, (key, language), (key, defaultLanguage));

    /// <summary>The kit in order (kind, then order); callers filter by the reader's audiences.</summary>
    public IReadOnlyList<KitItem> Kit { get; } = kit ?? [];

    public Localized<KitText>? KitText(string docId, string language) =>
        Resolve(kitTexts, (docId, language), (docId, defaultLanguage));

    public Localized<RubricView>? Rubric(string lessonKey, string language) =>
        Resolve(rubrics, (lessonKey, language), (lessonKey, defaultLanguage));

    private static Localized<T>? Resolve<T>(IReadOnlyDictionary<(string, string), T> texts, (string, string) wanted, (string, string) fallback) where T : class =>
        texts.TryGetValue(wanted, out var text) ? new(text, false)
        : texts.TryGetValue(fallback, out var other) ? new(other, true)
        : null;
}
