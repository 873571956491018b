using System.ComponentModel.DataAnnotations;

namespace ChangeAgentAcademy.People.ViewModels;

public sealed class TeamFormViewModel
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, ErrorMessage = "TooLong")]
    [Display(Name = "TeamName")]
    public string? Name { get; set; }

    [Display(Name = "Leader")]
    public Guid? LeaderId { get; set; }

    public IReadOnlyList<TeamOption> Leaders { get; set; } = [];
}
