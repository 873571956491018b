namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>The administrator's list: the latest certificates (or those matching a name or code), with the revoke form's typed reason on an error.</summary>
public sealed record CertificatesViewModel(IReadOnlyList<CertificateRow> Rows, string? Query, int Total, Guid? FailedId = null, string? TypedReason = null, string? Error = null);
