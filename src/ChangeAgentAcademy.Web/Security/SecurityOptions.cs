namespace ChangeAgentAcademy.Web.Security;

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per IP address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>PBKDF2 iterations for password hashes (OWASP 2023: 210,000 for HMAC-SHA512).</summary>
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>Largest request body the site accepts, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 2 * 1024 * 1024;
}
