namespace ChangeAgentAcademy.Web.Services;

/// <summary>
/// Pure rules of signing in with the directory. The directory manages exactly the roles named as targets in the
/// role map: a person gets those their groups map to and loses those they no longer map to; roles the map never
/// names (given by hand, e.g. a local administrator) are left alone.
/// </summary>
public static class DirectorySignInRules
{
    /// <summary>The map's targets as known role names (case as in <paramref name="knownRoles"/>); unknown targets are dropped.</summary>
    public static IReadOnlySet<string> Managed(IReadOnlyDictionary<string, string> roleMap, IEnumerable<string> knownRoles)
    {
        var known = knownRoles.ToList();
        return roleMap.Values
            .Select(v => known.FirstOrDefault(r => string.Equals(r, v?.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The roles the person's groups give (group names compared without regard to case).</summary>
    public static IReadOnlySet<string> Granted(IEnumerable<string> groups, IReadOnlyDictionary<string, string> roleMap, IEnumerable<string> knownRoles)
    {
        var map = new Dictionary<string, string>(roleMap, StringComparer.OrdinalIgnoreCase);
        var known = knownRoles.ToList();
        return groups
            .Select(g => map.TryGetValue(g.Trim(), out var role) ? known.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase)) : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What to add and remove so the managed roles match the granted ones; <paramref name="current"/> outside the managed set is kept.</summary>
    public static (IReadOnlyList<string> Add, IReadOnlyList<string> Remove) Changes(IEnumerable<string> current, IReadOnlySet<string> granted, IReadOnlySet<string> managed)
    {
        var have = current.ToHashSet(StringComparer.Ordinal);
        var add = granted.Where(r => !have.Contains(r)).Order(StringComparer.Ordinal).ToList();
        var remove = have.Where(r => managed.Contains(r) && !granted.Contains(r)).Order(StringComparer.Ordinal).ToList();
        return (add, remove);
    }

    /// <summary>An <c>email_verified</c> claim says yes (JSON true, or the string "true").</summary>
    public static bool IsVerified(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
