namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>Section <c>Mail</c>. Without <c>Smtp:Host</c> mail goes to the pickup folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "academy@localhost";

    public string FromName { get; set; } = "Change Agent Academy";

    /// <summary>Relative paths are under the site's content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();

    public int BatchSize { get; set; } = 50;

    /// <summary>Older name of <c>Site:PublicUrl</c> (still read by the host's ISiteAddress when that is not set).</summary>
    public string? SiteUrl { get; set; }

    /// <summary>People who chose a daily digest get it after this local hour (programme time zone).</summary>
    public int DigestHour { get; set; } = 7;
}
