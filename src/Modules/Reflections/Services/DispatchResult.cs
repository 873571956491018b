using System.Globalization;
using System.Text.Json;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

public sealed record DispatchResult(int Scheduled, int Released, int WorkCreated, int Overdue, int Reminders, int Digests, int Notices);
