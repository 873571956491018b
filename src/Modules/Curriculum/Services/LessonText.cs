using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record LessonText(long VersionId, int Number, string Language, string Title, int ReadingMinutes, string? Prompt, string Html, string? TocHtml);
