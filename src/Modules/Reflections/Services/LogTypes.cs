namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>The fields of each kind of practical log, in order; <c>Required</c> ones must be filled before it is handed in.</summary>
public static class LogTypes
{
    public sealed record Field(string Name, bool Required, bool Long = true);

    public const int MaxFieldLength = 4000;

    public static readonly IReadOnlyList<string> DecisionValues = ["adopt", "adapt", "abandon"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Field>> Fields = new Dictionary<string, IReadOnlyList<Field>>
    {
        ["pdsa"] = [new("Aim", true), new("Measure", true), new("Change", true), new("Prediction", true), new("Plan", true), new("WhatHappened", true), new("Learned", true), new("Decision", true, Long: false)],
        ["shadowing"] = [new("HostUnit", true, Long: false), new("Plan", true), new("Observations", true), new("Ideas", false), new("JointSummary", true)],
        ["dilemma"] = [new("Dilemma", true), new("WhatTheGroupGave", true), new("Learned", true)],
        ["co-facilitation"] = [new("Role", true, Long: false), new("WhatWorked", true), new("Learned", true)],
    };

    /// <summary>Which linked event a type needs: a supervision session for a dilemma, a workshop for co-facilitation.</summary>
    public static string? EventKind(string type) => type switch
    {
        "dilemma" => "supervision",
        "co-facilitation" => "workshop",
        _ => null,
    };

    public static bool IsKnown(string? type) => type is not null && Fields.ContainsKey(type);
}
