namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Settings (section <c>Reflections</c>).</summary>
public sealed class ReflectionOptions
{
    public const string Section = "Reflections";

    /// <summary>The first reminder, this long before the due date.</summary>
    public TimeSpan RemindBeforeDue { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The second reminder, this long after the due date if nothing was submitted.</summary>
    public TimeSpan RemindAfterDue { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A reminder missed during downtime is still sent this long after its moment; later it is skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Trainers' digest of waiting reviews: sent once a day after this local hour (programme time zone).</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>Trainers are reminded of a hand-in that has waited this many days for review (once per version).</summary>
    public int ReviewReminderDays { get; set; } = 5;

    /// <summary>A reflection longer than this is refused with a clear message (the draft is kept).</summary>
    public int MaxLength { get; set; } = 20_000;

    /// <summary>
    /// Reminders and their notices written inside the database (one INSERT … SELECT each, SQLite and PostgreSQL).
    /// False reads the due work and writes typed rows, as every other database does: slower, for a database
    /// whose statements misbehave.
    /// </summary>
    public bool RemindersInDatabase { get; set; } = true;
}
