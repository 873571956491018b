using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.ViewComponents;

public sealed record NextWorkshop(Guid Id, string Title, DateTime StartsUtc, string Place, bool Facilitating);
