using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record LessonItem(string Key, string ModuleId, string Slug, int Order, LessonKind Kind, int? DueOffsetDays, string? PracticalType);
