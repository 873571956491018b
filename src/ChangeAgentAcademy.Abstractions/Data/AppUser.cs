using Microsoft.AspNetCore.Identity;

namespace ChangeAgentAcademy.Data;

/// <summary>A person: a local account that may hold several roles and belong to one team.</summary>
public class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>UI and content language: sv, da, fi or en.</summary>
    public string Language { get; set; } = "en";

    public Guid? TeamId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
