namespace ChangeAgentAcademy.Modules;

/// <summary>
/// Named groups of menu entries. Entries in a group are shown behind one disclosure in the menu, so the few
/// people who manage the site (administrators, the officer) get one menu row like everybody else.
/// </summary>
public static class NavigationGroups
{
    /// <summary>Managing the site: people, teams, authoring, rules, certificates, data protection, audit, jobs.</summary>
    public const string Administration = "Administration";
}
