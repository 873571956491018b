namespace ChangeAgentAcademy.Privacy.Data;

/// <summary>
/// A person's data as a ZIP, asked for by <see cref="RequestedBy"/> (the person themself, or the officer), prepared
/// by a job and offered to the one who asked until <see cref="ExpiresUtc"/>.
/// </summary>
public class PrivacyExport
{
    public Guid Id { get; set; }

    /// <summary>Whose data it holds.</summary>
    public Guid UserId { get; set; }

    /// <summary>Who asked for it, and the only one who may download it.</summary>
    public Guid RequestedBy { get; set; }

    public ExportStatus Status { get; set; }

    public DateTime RequestedUtc { get; set; }

    public DateTime? ReadyUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public byte[]? Content { get; set; }
}
