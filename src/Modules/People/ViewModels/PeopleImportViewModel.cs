using ChangeAgentAcademy.People.Services;

namespace ChangeAgentAcademy.People.ViewModels;

/// <summary>The import page: the file's text (kept for the confirmation) and what a dry run found.</summary>
public sealed record PeopleImportViewModel(string? Csv, PeopleImportResult? Result);
