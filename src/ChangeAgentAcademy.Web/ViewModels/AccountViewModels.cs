using System.ComponentModel.DataAnnotations;

namespace ChangeAgentAcademy.Web.ViewModels;

// Validation and display keys are looked up in SharedText.resx (all four languages).
public sealed class SignInViewModel
{
    [Required(ErrorMessage = "Required")]
    [EmailAddress(ErrorMessage = "EmailInvalid")]
    [StringLength(256, ErrorMessage = "TooLong")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, ErrorMessage = "TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public bool DemoMode { get; set; }
}

public sealed class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "Required")]
    [EmailAddress(ErrorMessage = "EmailInvalid")]
    [StringLength(256, ErrorMessage = "TooLong")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    public bool Sent { get; set; }
}

public sealed class ResetPasswordViewModel
{
    [Required(ErrorMessage = "Required")]
    [EmailAddress(ErrorMessage = "EmailInvalid")]
    [StringLength(256, ErrorMessage = "TooLong")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Required")]
    public string? Token { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "NewPassword")]
    public string? Password { get; set; }

    [Compare(nameof(Password), ErrorMessage = "PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordViewModel
{
    [Required(ErrorMessage = "Required")]
    [DataType(DataType.Password)]
    [StringLength(200, ErrorMessage = "TooLong")]
    [Display(Name = "CurrentPassword")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "PasswordLength")]
    [DataType(DataType.Password)]
    [Display(Name = "NewPassword")]
    public string? Password { get; set; }

    [Compare(nameof(Password), ErrorMessage = "PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "ConfirmPassword")]
    public string? ConfirmPassword { get; set; }

    public bool Changed { get; set; }

    /// <summary>This person's signed-in sessions, newest first.</summary>
    public IReadOnlyList<SessionRow> Sessions { get; set; } = [];
}

public sealed record SessionRow(DateTime CreatedUtc, string Device, bool IsThisOne);

/// <summary>"Firefox on Windows" from a user-agent string: enough to recognise one's own devices, nothing more.</summary>
public static class DeviceName
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "?";
        }

        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => null,
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return (browser, system) switch
        {
            (null, null) => userAgent.Length > 40 ? userAgent[..40] + "…" : userAgent,
            (null, { } s) => s,
            ({ } b, null) => b,
            ({ } b, { } s) => $"{b} · {s}",
        };
    }
}
