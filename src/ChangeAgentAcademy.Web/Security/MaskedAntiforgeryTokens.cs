using System.Buffers.Text;
using System.Security.Cryptography;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// Antiforgery tokens encrypted once per browser and person, and masked afresh on every page. The framework encrypts
/// each page's request token anew (a key derivation, AES and an HMAC): a tenth of a lesson page's processor time
/// (bench/README.md, issue 18). Yet a browser's request token always holds the same thing (its cookie token and who is
/// signed in), so its encryption is kept for <see cref="Lifetime"/> and each page gets it under a fresh random mask:
/// <c>marker · mask · (encrypted XOR mask)</c>, the way Rails and Django mask theirs. The mask is what keeps a
/// compressed page from revealing the token byte by byte (BREACH): no two pages carry the same token text.
/// <list type="bullet">
/// <item>A posted token is unmasked and then decrypted and checked exactly as before: nothing is accepted that the
/// framework would refuse; a token from before this change (no marker) is read as it was.</item>
/// <item>Only the antiforgery serializer gets this protector; every other use of data protection is untouched.</item>
/// <item>At most <see cref="Limit"/> encryptions are kept; when full, the cache starts again empty.</item>
/// </list>
/// </summary>
public static class MaskedAntiforgeryTokens
{
    /// <summary>The purpose string the framework's antiforgery serializer protects its tokens under.</summary>
    public const string Purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";

    private const string SerializerType = "Microsoft.AspNetCore.Antiforgery.IAntiforgeryTokenSerializer";

    /// <summary>
    /// Gives the framework's antiforgery serializer a data-protection provider whose antiforgery protector masks. Call
    /// after <c>AddAntiforgery</c>. If a framework version no longer registers the serializer this way, nothing changes
    /// (tokens are then encrypted per page, as before); <c>MaskedAntiforgeryTokenTests</c> fails in that case.
    /// </summary>
    public static IServiceCollection AddMaskedAntiforgeryTokens(this IServiceCollection services)
    {
        var serializer = services.LastOrDefault(d => d.ServiceType.FullName == SerializerType && d.ImplementationType is not null);
        if (serializer is null)
        {
            return services;
        }

        var implementation = serializer.ImplementationType!;
        services.Replace(ServiceDescriptor.Describe(serializer.ServiceType, sp => ActivatorUtilities.CreateInstance(sp, implementation,
            new MaskingProvider(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>())), serializer.Lifetime));
        return services;
    }

    public const int Limit = 4096;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The first byte of a masked token. Data protection's own payloads start with 0x09 (its magic header).</summary>
    public const byte Marker = 0x4D;

    private sealed class MaskingProvider(IDataProtectionProvider inner, TimeProvider clock) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose) =>
            purpose == Purpose ? new MaskingProtector(inner.CreateProtector(purpose), clock) : inner.CreateProtector(purpose);
    }

    /// <summary>The masking protector (public for unit tests).</summary>
    public sealed class MaskingProtector(IDataProtector inner, TimeProvider clock) : IDataProtector
    {
        private readonly BoundedCache<(byte[] Encrypted, DateTimeOffset Until)> encrypted = new(Limit);

        /// <summary>How many encryptions are kept (tests).</summary>
        public int Count => encrypted.Count;

        public IDataProtector CreateProtector(string purpose) => inner.CreateProtector(purpose);

        public byte[] Protect(byte[] plaintext)
        {
            var sealedBytes = Encrypted(plaintext);
            var n = sealedBytes.Length;
            var masked = new byte[1 + 2 * n];
            masked[0] = Marker;
            var mask = masked.AsSpan(1, n);
            RandomNumberGenerator.Fill(mask);
            var body = masked.AsSpan(1 + n);
            for (var i = 0; i < n; i++)
            {
                body[i] = (byte)(sealedBytes[i] ^ mask[i]);
            }

            return masked;
        }

        public byte[] Unprotect(byte[] protectedData)
        {
            if (protectedData.Length < 3 || protectedData[0] != Marker || protectedData.Length % 2 == 0)
            {
                return inner.Unprotect(protectedData);
            }

            var n = (protectedData.Length - 1) / 2;
            var sealedBytes = new byte[n];
            for (var i = 0; i < n; i++)
            {
                sealedBytes[i] = (byte)(protectedData[1 + n + i] ^ protectedData[1 + i]);
            }

            return inner.Unprotect(sealedBytes);
        }

        private byte[] Encrypted(byte[] plaintext)
        {
            var now = clock.GetUtcNow();
            var keyLength = Base64.GetMaxEncodedToUtf8Length(plaintext.Length);
            Span<char> key = keyLength <= 512 ? stackalloc char[keyLength] : new char[keyLength];
            Convert.TryToBase64Chars(plaintext, key, out var written);
            key = key[..written];
            if (encrypted.TryGet(key, out var kept) && now < kept.Until)
            {
                return kept.Encrypted;
            }

            var fresh = inner.Protect(plaintext);
            encrypted.Set(new string(key), (fresh, now + Lifetime));
            return fresh;
        }
    }
}
