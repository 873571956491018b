using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed class CohortFormViewModel
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, ErrorMessage = "TooLong")]
    [Display(Name = "CohortName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "Language")]
    public string? Language { get; set; } = "en";

    public CohortTrack Track { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "StartDate")]
    public DateOnly? StartDate { get; set; }

    [Range(1, 8, ErrorMessage = "CadenceRange")]
    [Display(Name = "CadenceWeeks")]
    public int CadenceWeeks { get; set; } = 2;

    public DayOfWeek CadenceDay { get; set; } = DayOfWeek.Tuesday;

    [Required(ErrorMessage = "Required")]
    [Display(Name = "ReleaseTime")]
    public TimeOnly? ReleaseTime { get; set; } = new(8, 0);

    [Required(ErrorMessage = "Required")]
    [StringLength(64, ErrorMessage = "TooLong")]
    [Display(Name = "TimeZone")]
    public string? TimeZone { get; set; } = "Europe/Copenhagen";

    [Range(1, 500, ErrorMessage = "CapacityRange")]
    [Display(Name = "Capacity")]
    public int Capacity { get; set; } = 20;

    public CohortStatus Status { get; set; }

    public List<Guid> TrainerIds { get; set; } = [];

    public IReadOnlyList<TrainerOption> Trainers { get; set; } = [];
}
