namespace ChangeAgentAcademy.Audit.ViewModels;

/// <summary>The audit page's filter, as typed (query string): all optional.</summary>
public sealed class AuditFilterViewModel
{
    /// <summary>Part of a person's name or e-mail address: entries they did or that are about them.</summary>
    public string? Person { get; set; }

    /// <summary>An exact action id, e.g. <c>account.signed-in</c>.</summary>
    public string? ActionId { get; set; }

    /// <summary>A module, the action's prefix before the dot, e.g. <c>workshops</c>.</summary>
    public string? Module { get; set; }

    /// <summary>First day (in the site's time zone), inclusive.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day (in the site's time zone), inclusive.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Keyset paging: the id of the previous page's last row; the page holds the entries after it, newest first by (time, id).</summary>
    public long? Before { get; set; }
}
