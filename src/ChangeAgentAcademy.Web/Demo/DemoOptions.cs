namespace ChangeAgentAcademy.Web.Demo;

/// <summary>Section <c>Demo</c>. Unset: on for the embedded SQLite site, off otherwise.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool? Enabled { get; set; }

    public const string Password = "Demo-Academy-2026!";
}
