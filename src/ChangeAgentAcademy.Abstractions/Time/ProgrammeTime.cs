using System.Globalization;

namespace ChangeAgentAcademy.Time;

/// <summary>Turns stored UTC instants into the programme's local time for display.</summary>
public sealed class ProgrammeTime(TimeProvider clock, Microsoft.Extensions.Options.IOptions<ProgrammeOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    // Day, month name, year: "3/11" means March to some readers and November to others.
    public string Format(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Format(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
