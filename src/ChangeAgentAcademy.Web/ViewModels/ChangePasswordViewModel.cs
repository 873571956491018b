using System.ComponentModel.DataAnnotations;

namespace ChangeAgentAcademy.Web.ViewModels;

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
