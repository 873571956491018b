using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.ViewComponents;

public sealed record WorkshopsPanelModel(IReadOnlyList<NextWorkshop> Next, int PendingRequests, bool Books, bool Manages);
