using ChangeAgentAcademy.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// The data-protection key ring lives in the database (<c>core_data_protection_keys</c>) under one fixed
/// application name, so the session cookie, antiforgery tokens and reset links made by one node are read
/// by every other node, and survive a restart or a new server.
/// </summary>
public static class SharedKeys
{
    /// <summary>Fixed: the default is the content root path, which differs between servers and releases.</summary>
    public const string ApplicationName = "ChangeAgentAcademy";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>
    /// Makes the first key when the ring is empty (run by <c>migrate</c> and at start, before the server listens),
    /// so two nodes starting together on a new database do not each make their own first key.
    /// </summary>
    public static bool EnsureKey(IServiceProvider services, TimeProvider clock)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = clock.GetUtcNow();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            return false;
        }

        keys.CreateNewKey(now, now.AddDays(90));
        return true;
    }
}
