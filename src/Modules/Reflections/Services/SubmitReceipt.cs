using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// The detail of a hand-in the pages show: the version number, whether it was late, when the work was last
/// handed in, and the possible citizen details found (when <see cref="SubmitStep.NeedsConfirmation"/>).
/// </summary>
public sealed record SubmitReceipt(SubmitStep Step, int Version = 0, bool Late = false, DateTime? SubmittedUtc = null, IReadOnlyList<CitizenDataFinding>? Findings = null);
