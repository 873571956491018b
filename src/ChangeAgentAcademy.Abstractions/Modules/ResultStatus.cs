namespace ChangeAgentAcademy.Modules;

/// <summary>What a service's answer means for the page: each maps to one HTTP status in <see cref="Result"/>'s callers.</summary>
public enum ResultStatus
{
    /// <summary>Done (200, or a redirect after a POST).</summary>
    Ok,

    /// <summary>The input was wrong; the page is shown again with the messages and what was typed (400).</summary>
    Invalid,

    /// <summary>The person may not do this to this thing (403).</summary>
    Forbidden,

    /// <summary>The thing does not exist, or the person may not know it does (404).</summary>
    NotFound,

    /// <summary>The state changed under the request: full, already done, closed (409).</summary>
    Conflict,
}
