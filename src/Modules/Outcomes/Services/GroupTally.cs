using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.ViewModels;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>Adds up members' numbers for one group of /programme.</summary>
internal sealed class GroupTally
{
    private readonly List<double> reviewHours = [];
    private int lessonsRead;
    private int lessonsTotal;
    private int onTime;
    private int late;
    private int overdue;
    private int acceptedFirst;
    private int acceptedSecond;
    private int acceptedLater;
    private int sessions;
    private int booked;
    private int attended;
    private int complete;
    private int certificates;

    public int Enrolled { get; private set; }

    public void Add(PersonFacts facts, AssignmentOutcome? outcome, IEnumerable<HandIn> handIns, bool isComplete, bool hasCertificate, DateTime nowUtc)
    {
        Enrolled++;
        lessonsRead += Math.Min(facts.LessonsRead, facts.LessonsTotal);
        lessonsTotal += facts.LessonsTotal;
        if (outcome is not null)
        {
            onTime += outcome.OnTime;
            late += outcome.Late;
            overdue += outcome.Overdue;
            acceptedFirst += outcome.AcceptedFirst;
            acceptedSecond += outcome.AcceptedSecond;
            acceptedLater += outcome.AcceptedLater;
        }

        reviewHours.AddRange(handIns.Where(h => h.FirstReviewHours is not null).Select(h => h.FirstReviewHours!.Value));
        sessions += facts.SessionsAttended;
        booked += facts.WorkshopEnds.Count;
        attended += facts.WorkshopEnds.Count(e => e <= nowUtc);
        complete += isComplete ? 1 : 0;
        certificates += hasCertificate ? 1 : 0;
    }

    public void Add(GroupTally other)
    {
        Enrolled += other.Enrolled;
        lessonsRead += other.lessonsRead;
        lessonsTotal += other.lessonsTotal;
        onTime += other.onTime;
        late += other.late;
        overdue += other.overdue;
        acceptedFirst += other.acceptedFirst;
        acceptedSecond += other.acceptedSecond;
        acceptedLater += other.acceptedLater;
        reviewHours.AddRange(other.reviewHours);
        sessions += other.sessions;
        booked += other.booked;
        attended += other.attended;
        complete += other.complete;
        certificates += other.certificates;
    }

    public GroupRow Row(Guid? id, string name, int smallest)
    {
        var sorted = reviewHours.Order().ToList();
        return new GroupRow(id, name, Enrolled, Enrolled < smallest,
            lessonsTotal == 0 ? 0 : (int)Math.Round(100.0 * lessonsRead / lessonsTotal),
            onTime, late, overdue, acceptedFirst, acceptedSecond, acceptedLater,
            Percentile(sorted, 50), Percentile(sorted, 90), sessions, booked, attended, complete, certificates);
    }

    /// <summary>Nearest rank; null when there is nothing to rank.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
}
