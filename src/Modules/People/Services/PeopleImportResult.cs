using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.People.Services;

public sealed record PeopleImportResult(string? FileError, IReadOnlyList<ImportRow> Rows)
{
    public bool CanApply => FileError is null && Rows.All(r => r.Action != RowAction.Error);

    public int Count(RowAction action) => Rows.Count(r => r.Action == action);
}
