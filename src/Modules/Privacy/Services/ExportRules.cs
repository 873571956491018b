using ChangeAgentAcademy.Privacy.Data;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>The message after asking for an export says what its state actually is (prepared within the request, or still waiting for the job).</summary>
public static class ExportRules
{
    /// <summary>The text key of the notice for an export in <paramref name="status"/> (null when it is gone: treated as waiting).</summary>
    public static string NoticeKey(ExportStatus? status) => status switch
    {
        ExportStatus.Ready => "ExportReadyNotice",
        ExportStatus.Failed => "ExportFailedNotice",
        _ => "ExportRequested",
    };
}
