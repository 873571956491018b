using Microsoft.AspNetCore.Identity;

namespace ChangeAgentAcademy.Data;

public class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}
