using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>
/// The administrator's list: the latest certificates (or those matching a name or code), with the revoke form's typed
/// reason on an error, or the citizen-data check's warning about it (the reason is shown to the holder and kept).
/// </summary>
public sealed record CertificatesViewModel(IReadOnlyList<CertificateRow> Rows, string? Query, int Total, Guid? FailedId = null, string? TypedReason = null, string? Error = null, CitizenDataWarning? ReasonCitizenData = null);
