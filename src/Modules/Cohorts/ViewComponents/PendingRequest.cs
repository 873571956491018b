using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.ViewComponents;

public sealed record PendingRequest(string Person, string Cohort, DateTime RequestedUtc, int Total);
