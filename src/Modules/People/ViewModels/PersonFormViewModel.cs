using System.ComponentModel.DataAnnotations;

namespace ChangeAgentAcademy.People.ViewModels;

public sealed class PersonFormViewModel
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, ErrorMessage = "TooLong")]
    [Display(Name = "Name")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Required")]
    [EmailAddress(ErrorMessage = "EmailInvalid")]
    [StringLength(256, ErrorMessage = "TooLong")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "Language")]
    public string? Language { get; set; } = "en";

    [Display(Name = "Team")]
    public Guid? TeamId { get; set; }

    public List<string> Roles { get; set; } = [];

    public bool Locked { get; set; }

    public IReadOnlyList<TeamOption> Teams { get; set; } = [];
}
