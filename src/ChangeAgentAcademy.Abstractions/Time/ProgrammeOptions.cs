namespace ChangeAgentAcademy.Time;

/// <summary>Programme-wide settings (section <c>Programme</c>).</summary>
public sealed class ProgrammeOptions
{
    public const string Section = "Programme";

    /// <summary>IANA id; times are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "Europe/Copenhagen";

    /// <summary>UI and content fallback language.</summary>
    public string DefaultLanguage { get; set; } = "en";

    public static readonly IReadOnlyList<string> Languages = ["sv", "da", "fi", "en"];

    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language);
}
