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
}
