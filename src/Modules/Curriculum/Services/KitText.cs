using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record KitText(string Language, string Title, string Summary, string Html, string? TocHtml);
