using System.Globalization;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// The absolute session limit. The sliding idle limit renews the cookie's issue time, so the moment of
/// sign-in is kept in the ticket's properties and checked on every request.
/// </summary>
public static class AbsoluteSessionLimit
{
    private const string SignedInAtKey = "caa.signedInAt";

    public static void Stamp(AuthenticationProperties properties, DateTimeOffset now)
    {
        if (!properties.Items.ContainsKey(SignedInAtKey))
        {
            properties.Items[SignedInAtKey] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
    }

    public static bool IsExpired(AuthenticationProperties properties, DateTimeOffset now, TimeSpan limit)
    {
        // A ticket without a stamp was not issued by this site's sign-in: treat it as expired.
        if (!properties.Items.TryGetValue(SignedInAtKey, out var raw) || !long.TryParse(raw, CultureInfo.InvariantCulture, out var seconds))
        {
            return true;
        }

        return now - DateTimeOffset.FromUnixTimeSeconds(seconds) >= limit;
    }

    /// <summary>
    /// Whether Identity's security-stamp validator would look at the person now: when the cookie has no issue time or
    /// is older than the validation interval (its own test, <c>SecurityStampValidator.ValidateAsync</c>).
    /// </summary>
    public static bool StampCheckDue(AuthenticationProperties properties, DateTimeOffset now, TimeSpan interval) =>
        properties.IssuedUtc is not { } issued || now - issued > interval;

    /// <summary>
    /// The cookie's checks on every request: the absolute limit, then the server-side session record
    /// (<see cref="SessionStore"/>: signed out, revoked or locked out ends here), then Identity's security stamp.
    /// </summary>
    internal static void Attach(CookieAuthenticationEvents events, SecurityOptions options, TimeProvider clock)
    {
        var validateStamp = events.OnValidatePrincipal;
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            Stamp(context.Properties, clock.GetUtcNow());
            // A refresh (password change) keeps the properties and so the session; a new sign-in gets a new one.
            if (SessionCookie.Id(context.Properties) is null && context.Principal?.PersonId() is { } userId)
            {
                var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
                context.Properties.Items[SessionCookie.IdKey] = await store.CreateAsync(userId, context.HttpContext.Request.Headers.UserAgent.ToString(), context.HttpContext.RequestAborted);
            }

            await signingIn(context);
        };
        events.OnValidatePrincipal = async context =>
        {
            if (IsExpired(context.Properties, clock.GetUtcNow(), options.AbsoluteTimeout)
                || context.Principal?.PersonId() is not { } userId
                || !await context.HttpContext.RequestServices.GetRequiredService<SessionStore>().IsActiveAsync(SessionCookie.Id(context.Properties), userId, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            // Identity's stamp validator does nothing until the cookie is older than its interval, but resolving it
            // builds a SignInManager and a UserManager on every request (issue #18: about 3 % of a lesson page's CPU).
            // The same test it makes first, made here without them:
            var interval = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
            if (StampCheckDue(context.Properties, clock.GetUtcNow(), interval))
            {
                await validateStamp(context);
            }
        };
    }
}
