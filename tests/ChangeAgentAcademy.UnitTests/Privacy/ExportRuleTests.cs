using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Services;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>The message after asking for an export follows the export's actual state.</summary>
public sealed class ExportRuleTests
{
    [Theory]
    [InlineData(ExportStatus.Ready, "ExportReadyNotice")]
    [InlineData(ExportStatus.Pending, "ExportRequested")]
    [InlineData(ExportStatus.Preparing, "ExportRequested")]
    [InlineData(ExportStatus.Failed, "ExportFailedNotice")]
    public void TheExportNotice_SaysWhatTheExportsStateIs(ExportStatus status, string key) =>
        Assert.Equal(key, ExportRules.NoticeKey(status));

    [Fact]
    public void TheExportNotice_ForAnExportThatIsGone_SaysItIsBeingPrepared() =>
        Assert.Equal("ExportRequested", ExportRules.NoticeKey(null));
}
