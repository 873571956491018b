using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Security;

public sealed record SessionInfo(string Id, DateTime CreatedUtc, string? Device);
