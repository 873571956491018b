namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed class OnSiteRequestViewModel
{
    public Guid? TeamId { get; set; }

    public int? Participants { get; set; }

    public string? Wishes { get; set; }
}
