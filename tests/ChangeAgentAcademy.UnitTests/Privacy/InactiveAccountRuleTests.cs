using ChangeAgentAcademy.Privacy.Services;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>When an account counts as unused (<c>Privacy:Retention:InactiveAccounts</c>), read at a fake clock's time.</summary>
public sealed class InactiveAccountRuleTests
{
    private static readonly DateTime Created = new(2024, 1, 15, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Created));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private bool Inactive(DateTime? signIn = null, DateTime? session = null, bool enrolled = false, bool admin = false, int months = 24) =>
        InactiveAccountRules.IsInactive(Now, months, Created, signIn, session, enrolled, admin);

    [Fact]
    public void NeverSignedIn_BecomesUnusedTheMomentThePeriodHasPassedSinceItWasMade()
    {
        clock.Advance(Created.AddMonths(24) - Created);
        Assert.False(Inactive()); // exactly 24 months: not yet
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Inactive());
    }

    [Fact]
    public void ASignInOrASession_WithinThePeriod_KeepsTheAccount()
    {
        clock.Advance(TimeSpan.FromDays(365 * 3));
        Assert.True(Inactive(signIn: Created.AddMonths(6), session: Created.AddMonths(6)));
        Assert.False(Inactive(signIn: Now.AddMonths(-23)));
        Assert.False(Inactive(session: Now.AddMonths(-1)));
        Assert.True(Inactive(signIn: Now.AddMonths(-25), session: Now.AddMonths(-30)));
    }

    [Fact]
    public void AnActiveEnrolmentOrTheAdministratorRole_KeepsItHoweverLongUnused()
    {
        clock.Advance(TimeSpan.FromDays(365 * 5));
        Assert.True(Inactive());
        Assert.False(Inactive(enrolled: true));
        Assert.False(Inactive(admin: true));
    }

    [Fact]
    public void PeriodZero_KeepsEveryone_AndTheAuditMustBeKeptAtLeastAsLong()
    {
        clock.Advance(TimeSpan.FromDays(365 * 10));
        Assert.False(Inactive(months: 0));
        Assert.Null(InactiveAccountRules.Cutoff(Now, 0));
        Assert.Equal(Now.AddMonths(-24), InactiveAccountRules.Cutoff(Now, 24));
        Assert.True(InactiveAccountRules.Applies(24, 24));
        Assert.True(InactiveAccountRules.Applies(24, 0)); // the audit kept for ever
        Assert.False(InactiveAccountRules.Applies(36, 24)); // a sign-in 30 months ago would already be forgotten
        Assert.False(InactiveAccountRules.Applies(0, 24));
    }
}
