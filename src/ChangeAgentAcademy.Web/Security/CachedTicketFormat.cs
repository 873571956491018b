using ChangeAgentAcademy.Web.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// The session cookie's decryption, remembered for a minute per cookie value. Every signed-in request decrypted and
/// verified its cookie (a key derivation, AES and an HMAC) and read the claims back, about a twentieth of a page's
/// processor time (bench/README.md, issue 18). The same cookie always decrypts to the same ticket, so a cookie seen in
/// the last minute is answered from memory:
/// <list type="bullet">
/// <item>each caller gets its own copy of the ticket (the cookie handler and the stamp validator change its
/// properties and may replace its principal);</item>
/// <item>only a cookie that decrypted is kept: a forged or tampered one fails as before, every time;</item>
/// <item>whether the ticket has expired, and whether its session is still live (<see cref="SessionStore"/>), are still
/// checked on every request by the cookie handler and <see cref="AbsoluteSessionLimit"/>;</item>
/// <item>a data-protection key revoked on another node stops being accepted here within <see cref="Lifetime"/>;</item>
/// <item>at most <see cref="Limit"/> cookies are kept; when full, the cache starts again empty.</item>
/// </list>
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public const int Limit = 4096;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly BoundedCache<(AuthenticationTicket Ticket, DateTimeOffset Until)> tickets = new(Limit);

    /// <summary>The format this one asks on a miss (tests).</summary>
    public ISecureDataFormat<AuthenticationTicket> Inner => inner;

    /// <summary>How many cookies are kept (tests).</summary>
    public int Count => tickets.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        if (tickets.TryGet(protectedText, out var kept) && now < kept.Until)
        {
            return kept.Ticket.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is null)
        {
            return null;
        }

        tickets.Set(protectedText, (ticket.Clone(), now + Lifetime));
        return ticket;
    }
}
