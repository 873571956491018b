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
