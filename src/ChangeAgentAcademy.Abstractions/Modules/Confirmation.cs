namespace ChangeAgentAcademy.Modules;

/// <summary>
/// The question a destructive action asks before it acts (the host's Views/Shared/Confirm.cshtml). The page's form
/// posts back to the same address with <c>confirmed=true</c> and <paramref name="Fields"/>, so it works without
/// JavaScript; the action checks who may do it before it asks, so a refusal stays a refusal.
/// </summary>
public sealed record Confirmation(string Question, string ConfirmText, string KeepText, string KeepUrl, string? Detail = null, IReadOnlyList<KeyValuePair<string, string>>? Fields = null)
{
    /// <summary>The form field the confirmation page adds.</summary>
    public const string Field = "confirmed";
}
