using System.Security.Claims;
using ChangeAgentAcademy.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The session cookie's decryption kept per cookie value for a minute (Security/CachedTicketFormat.cs).</summary>
public sealed class CachedTicketFormatTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingFormat inner = new();

    [Fact]
    public void SameCookie_DecryptedOnce_WithinAMinute()
    {
        var format = new CachedTicketFormat(inner, clock);

        var first = format.Unprotect("cookie-a");
        clock.Advance(TimeSpan.FromSeconds(59));
        var second = format.Unprotect("cookie-a");

        Assert.Equal(1, inner.Calls);
        Assert.Equal("person-cookie-a", first!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("person-cookie-a", second!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void AfterAMinute_DecryptedAgain()
    {
        var format = new CachedTicketFormat(inner, clock);

        format.Unprotect("cookie-a");
        clock.Advance(CachedTicketFormat.Lifetime);
        format.Unprotect("cookie-a");

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public void DifferentCookies_NeverShareATicket()
    {
        var format = new CachedTicketFormat(inner, clock);

        var a = format.Unprotect("cookie-a");
        var b = format.Unprotect("cookie-b");
        var aAgain = format.Unprotect("cookie-a");
        var bAgain = format.Unprotect("cookie-b");

        Assert.Equal("person-cookie-a", a!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("person-cookie-b", b!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("person-cookie-a", aAgain!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("person-cookie-b", bAgain!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public void EachCaller_GetsItsOwnCopy_ChangesDoNotReachTheNext()
    {
        var format = new CachedTicketFormat(inner, clock);

        var first = format.Unprotect("cookie-a")!;
        first.Properties.Items["changed"] = "yes";
        first.Properties.IssuedUtc = clock.GetUtcNow().AddDays(-9);
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Administrator"));
        var second = format.Unprotect("cookie-a")!;
        second.Properties.Items["changed-again"] = "yes";
        var third = format.Unprotect("cookie-a")!;

        Assert.NotSame(first, second);
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.False(third.Properties.Items.ContainsKey("changed-again"));
        Assert.Equal(inner.Issued, third.Properties.IssuedUtc);
        Assert.False(third.Principal.IsInRole("Administrator"));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void CookieThatDoesNotDecrypt_IsNotKept_AndFailsEveryTime()
    {
        var format = new CachedTicketFormat(inner, clock);

        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect("forged"));
        Assert.Null(format.Unprotect(null));

        Assert.Equal(3, inner.Calls);
        Assert.Equal(0, format.Count);
    }

    [Fact]
    public void WithAPurpose_OrWhenProtecting_AlwaysAsksTheInnerFormat()
    {
        var format = new CachedTicketFormat(inner, clock);

        format.Unprotect("cookie-a", "binding");
        format.Unprotect("cookie-a", "binding");
        var text = format.Protect(inner.Ticket("x"));

        Assert.Equal(2, inner.Calls);
        Assert.Equal("protected", text);
        Assert.Equal(0, format.Count);
    }

    [Fact]
    public void BeyondTheLimit_StartsAgainEmpty()
    {
        var format = new CachedTicketFormat(inner, clock);

        for (var i = 0; i < CachedTicketFormat.Limit + 5; i++)
        {
            format.Unprotect("cookie-" + i);
            Assert.InRange(format.Count, 1, CachedTicketFormat.Limit);
        }

        Assert.Equal(5, format.Count);
    }

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public DateTimeOffset Issued { get; } = new(2026, 12, 3, 11, 0, 0, TimeSpan.Zero);

        public int Calls { get; private set; }

        public AuthenticationTicket Ticket(string id) =>
            new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "Identity.Application")), new AuthenticationProperties { IssuedUtc = Issued }, "Identity.Application");

        public string Protect(AuthenticationTicket data) => "protected";

        public string Protect(AuthenticationTicket data, string? purpose) => "protected";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Calls++;
            return protectedText is null || protectedText == "forged" ? null : Ticket("person-" + protectedText);
        }
    }
}
