using System.Text;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Controllers;

public sealed record PeopleImportViewModel(string? Csv, PeopleImportResult? Result);
