using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Web.Services;

/// <summary>The site's one <see cref="ICitizenDataCheck"/>: the <see cref="CitizenDataDetector"/>.</summary>
public sealed class CitizenDataCheck : ICitizenDataCheck
{
    public IReadOnlyList<CitizenDataFinding> Scan(string? text) => string.IsNullOrEmpty(text) ? [] : CitizenDataDetector.Scan(text);
}
