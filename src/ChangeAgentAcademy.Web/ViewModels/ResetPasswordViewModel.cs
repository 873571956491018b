using System.ComponentModel.DataAnnotations;

namespace ChangeAgentAcademy.Web.ViewModels;

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
