using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record LessonEdit(string Title, int ReadingMinutes, string? Prompt, string Markdown, int ExpectedRevision);
