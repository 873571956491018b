using System.Security.Cryptography;
using System.Text;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>Keeps the last report so administrators can read what the import refused.</summary>
public sealed class ImportReportHolder
{
    public ImportReport? Last { get; set; }
}
