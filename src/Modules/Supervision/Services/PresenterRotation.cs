namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>
/// The fair presenter rotation: equal space for everyone over time, as a deficit count. At every held
/// session each member of the group at that moment is credited an equal share of the presenter slots
/// (slots / members) and debited one for each time they actually presented; what is left is what they
/// are owed. The next presenters are those owed most; ties go to whoever missed a turn, then to whoever
/// presented longest ago. Consequences:
/// <list type="bullet">
/// <item>a missed turn (absent, or listed but did not present) is not debited, so that member stays owed and comes first;</item>
/// <item>a newcomer is credited only from the session they joined, so they join at the fair point instead of being owed the whole history;</item>
/// <item>a leaver drops out of every later session;</item>
/// <item>a supervisor's swap is simply history: the swapped-in member is debited, the swapped-out one stays owed.</item>
/// </list>
/// Only presentations since a member's (latest) join count. Pure: no database, no clock.
/// </summary>
public static class PresenterRotation
{
    private const double Tolerance = 1e-9;

    /// <summary>Proposed presenters for each upcoming session (in the order given), continuing the rotation from the history.</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<Guid>> Propose(
        IReadOnlyList<RotationMember> members, IEnumerable<HeldSession> history, IEnumerable<UpcomingSession> upcoming, int presentersPerSession)
    {
        var ledger = Ledger(members, history, presentersPerSession, out var index);
        var result = new Dictionary<long, IReadOnlyList<Guid>>();
        foreach (var session in upcoming.OrderBy(s => s.StartsUtc))
        {
            var active = Active(members, session.StartsUtc).Where(m => m.LeftUtc is null).Select(m => ledger[m.UserId]).ToList();
            Credit(active, presentersPerSession);
            List<Guid> chosen;
            if (session.Fixed is not null)
            {
                chosen = session.Fixed.Distinct().ToList();
            }
            else
            {
                chosen = Order(active).Take(presentersPerSession).Select(a => a.UserId).ToList();
            }

            foreach (var id in chosen)
            {
                if (ledger.TryGetValue(id, out var account) && active.Contains(account))
                {
                    account.Debit(index);
                }
            }

            index++;
            result[session.Id] = chosen;
        }

        return result;
    }

    /// <summary>What each member is owed after the history (positive: owed a turn), for display and tests.</summary>
    public static IReadOnlyDictionary<Guid, double> Owed(IReadOnlyList<RotationMember> members, IEnumerable<HeldSession> history, int presentersPerSession) =>
        Ledger(members, history, presentersPerSession, out _).ToDictionary(p => p.Key, p => p.Value.Owed);

    /// <summary>Presentations since each member's join.</summary>
    public static IReadOnlyDictionary<Guid, int> Presentations(IReadOnlyList<RotationMember> members, IEnumerable<HeldSession> history, int presentersPerSession) =>
        Ledger(members, history, presentersPerSession, out _).ToDictionary(p => p.Key, p => p.Value.Presented);

    private static Dictionary<Guid, Account> Ledger(IReadOnlyList<RotationMember> members, IEnumerable<HeldSession> history, int presentersPerSession, out int index)
    {
        if (presentersPerSession < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(presentersPerSession));
        }

        var ledger = members.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => new Account(g.Key, g.First().JoinedUtc));
        index = 0;
        foreach (var session in history.OrderBy(s => s.StartsUtc))
        {
            var active = Active(members, session.StartsUtc).Select(m => ledger[m.UserId]).ToList();
            Credit(active, presentersPerSession);
            foreach (var turn in session.Turns.DistinctBy(t => t.UserId))
            {
                if (!ledger.TryGetValue(turn.UserId, out var account) || !active.Contains(account))
                {
                    continue;
                }

                if (turn.Presented)
                {
                    account.Debit(index);
                }
                else
                {
                    account.MissedTurn = true;
                }
            }

            index++;
        }

        return ledger;
    }

    private static IEnumerable<RotationMember> Active(IEnumerable<RotationMember> members, DateTime atUtc) =>
        members.Where(m => m.JoinedUtc <= atUtc && (m.LeftUtc is null || m.LeftUtc > atUtc)).DistinctBy(m => m.UserId);

    private static void Credit(List<Account> active, int presentersPerSession)
    {
        if (active.Count == 0)
        {
            return;
        }

        var share = Math.Min(1.0, (double)presentersPerSession / active.Count);
        foreach (var account in active)
        {
            account.Credited += share;
        }
    }

    private static IEnumerable<Account> Order(IEnumerable<Account> accounts) =>
        accounts.OrderByDescending(a => Math.Round(a.Owed / Tolerance) * Tolerance)
            .ThenByDescending(a => a.MissedTurn)
            .ThenBy(a => a.LastPresented)
            .ThenBy(a => a.JoinedUtc)
            .ThenBy(a => a.UserId);

    private sealed class Account(Guid userId, DateTime joinedUtc)
    {
        public Guid UserId { get; } = userId;

        public DateTime JoinedUtc { get; } = joinedUtc;

        public double Credited { get; set; }

        public int Presented { get; private set; }

        public int LastPresented { get; private set; } = -1;

        public bool MissedTurn { get; set; }

        public double Owed => Credited - Presented;

        public void Debit(int index)
        {
            Presented++;
            LastPresented = index;
            MissedTurn = false;
        }
    }
}
