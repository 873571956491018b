using ChangeAgentAcademy.Text;
using System.Text;
using System.Text.Json;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A person's own practical logs. Every lookup is by id and person: someone else's log is a 404.</summary>
public sealed class PracticalLogService(DbContext db, ProgrammeTime time, ICitizenDataCheck citizenData) : IPracticalLogs
{
    /// <summary>The log's title and fields as one text, and what in it could identify a citizen (a saved log warns, as a hand-in does).</summary>
    public (string Text, IReadOnlyList<CitizenDataFinding> Findings) CitizenData(string title, IReadOnlyDictionary<string, string> fields)
    {
        var text = string.Join("\n\n", new[] { title }.Concat(fields.Values).Select(v => (v ?? "").Trim()).Where(v => v.Length > 0));
        return (text, citizenData.Scan(text));
    }

    public Task<PracticalLog?> FindOwnAsync(long id, Guid personId) =>
        db.Set<PracticalLog>().FirstOrDefaultAsync(l => l.Id == id && l.UserId == personId);

    public static Dictionary<string, string> Read(PracticalLog log) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(log.FieldsJson) ?? [];

    public async Task<PracticalLog> CreateAsync(Guid personId, string type, string? origin = null, IReadOnlyDictionary<string, string>? fields = null)
    {
        var now = time.UtcNow;
        var log = new PracticalLog { UserId = personId, Type = type, Origin = origin, FieldsJson = JsonSerializer.Serialize(fields ?? new Dictionary<string, string>()), CreatedUtc = now, UpdatedUtc = now };
        db.Set<PracticalLog>().Add(log);
        await db.SaveChangesAsync();
        return log;
    }

    public async Task<string?> StartPdsaAsync(Guid personId, string change, string originRef, CancellationToken cancellationToken = default)
    {
        // One click, one test: clicking the same idea again opens the test already started.
        var existing = await db.Set<PracticalLog>().FirstOrDefaultAsync(l => l.UserId == personId && l.Origin == originRef, cancellationToken);
        var log = existing ?? await CreateAsync(personId, "pdsa", originRef, new Dictionary<string, string> { ["Change"] = Clip(change) });
        return $"/logs/{log.Id}";
    }

    /// <summary>Checks a posted form. With <paramref name="complete"/> every required field must be filled (a PDSA test needs its decision).</summary>
    public static List<LogProblem> Validate(string type, IReadOnlyDictionary<string, string> fields, bool complete)
    {
        var problems = new List<LogProblem>();
        foreach (var field in LogTypes.Fields[type])
        {
            var value = fields.GetValueOrDefault(field.Name) ?? "";
            if (value.Length > LogTypes.MaxFieldLength)
            {
                problems.Add(new(field.Name, "LogFieldTooLong"));
            }
            else if (field.Name == "Decision" && value.Length > 0 && !LogTypes.DecisionValues.Contains(value))
            {
                problems.Add(new(field.Name, "LogDecisionInvalid"));
            }
            else if (complete && field.Required && string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(field.Name, field.Name == "Decision" ? "LogDecisionMissing" : "LogFieldMissing"));
            }
        }

        return problems;
    }

    public async Task SaveAsync(PracticalLog log, string title, IReadOnlyDictionary<string, string> fields, long? follows, string? eventRef)
    {
        log.Title = title.Length > 200 ? title[..200] : title;
        log.FieldsJson = JsonSerializer.Serialize(LogTypes.Fields[log.Type].ToDictionary(f => f.Name, f => (fields.GetValueOrDefault(f.Name) ?? "").Trim()));
        log.FollowsLogId = follows;
        log.EventRef = eventRef;
        log.UpdatedUtc = time.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>The text a trainer reviews: each field under its heading, in the trainee's language.</summary>
    public static string AsText(PracticalLog log, Func<string, string> label, string? followsTitle, string? eventTitle)
    {
        var fields = Read(log);
        var text = new StringBuilder();
        text.Append(log.Title).Append("\n\n");
        if (followsTitle is not null)
        {
            text.Append(label("FollowsOn")).Append(": ").Append(followsTitle).Append("\n\n");
        }

        if (eventTitle is not null)
        {
            text.Append(label("LinkedEvent")).Append(": ").Append(eventTitle).Append("\n\n");
        }

        foreach (var field in LogTypes.Fields[log.Type])
        {
            var value = fields.GetValueOrDefault(field.Name) ?? "";
            if (field.Name == "Decision" && value.Length > 0)
            {
                value = label("Decision." + value);
            }

            text.Append("## ").Append(label("Field." + field.Name)).Append('\n').Append(value).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Clip(string text) => text.Length <= LogTypes.MaxFieldLength ? text : text[..LogTypes.MaxFieldLength];
}
