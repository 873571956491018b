using System.Security.Cryptography;
using System.Text;
using ChangeAgentAcademy.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Antiforgery tokens encrypted once a minute per content and masked per page (Security/MaskedAntiforgeryTokens.cs).</summary>
public sealed class MaskedAntiforgeryTokenTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingProtector inner = new(new EphemeralDataProtectionProvider().CreateProtector(MaskedAntiforgeryTokens.Purpose));
    private static readonly byte[] Token = Encoding.UTF8.GetBytes("cookie-token-A|person-1");

    [Fact]
    public void SameToken_TwicePerPage_DiffersEachTime_AndBothReadBack()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);

        var first = protector.Protect(Token);
        var second = protector.Protect(Token);

        Assert.NotEqual(first, second);
        Assert.Equal(MaskedAntiforgeryTokens.Marker, first[0]);
        Assert.Equal(Token, protector.Unprotect(first));
        Assert.Equal(Token, protector.Unprotect(second));
    }

    [Fact]
    public void NoByteOfTheEncryption_ShowsInTheSamePlaceOnTwoPages()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);
        var pages = Enumerable.Range(0, 20).Select(_ => protector.Protect(Token)).ToList();

        // With a fresh random mask per page, a position repeats its byte on every one of 20 pages with chance 256^-19.
        var n = pages[0].Length;
        var constant = Enumerable.Range(1, n - 1).Count(i => pages.All(p => p[i] == pages[0][i]));

        Assert.Equal(0, constant);
    }

    [Fact]
    public void SameContent_EncryptedOnce_WithinTheLifetime_ThenAgain()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);

        protector.Protect(Token);
        clock.Advance(MaskedAntiforgeryTokens.Lifetime - TimeSpan.FromSeconds(1));
        protector.Protect(Token);
        Assert.Equal(1, inner.Protects);

        clock.Advance(TimeSpan.FromSeconds(1));
        protector.Protect(Token);
        Assert.Equal(2, inner.Protects);
    }

    [Fact]
    public void DifferentContent_IsEncryptedApart_AndReadsBackAsItself()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);
        var other = Encoding.UTF8.GetBytes("cookie-token-A|person-2");

        var mine = protector.Protect(Token);
        var theirs = protector.Protect(other);

        Assert.Equal(2, inner.Protects);
        Assert.Equal(Token, protector.Unprotect(mine));
        Assert.Equal(other, protector.Unprotect(theirs));
    }

    [Fact]
    public void AChangedByte_AnywhereInAMaskedToken_IsRefused()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);
        var token = protector.Protect(Token);

        for (var i = 1; i < token.Length; i++)
        {
            var tampered = (byte[])token.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        }
    }

    [Fact]
    public void ATokenFromBeforeMasking_IsStillRead()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);
        var unmasked = inner.Protect(Token);

        Assert.Equal(Token, protector.Unprotect(unmasked));
    }

    [Fact]
    public void ATokenOfAnotherPurpose_IsRefused()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);
        var foreign = new MaskedAntiforgeryTokens.MaskingProtector(new EphemeralDataProtectionProvider().CreateProtector("other"), clock).Protect(Token);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(foreign));
    }

    [Fact]
    public void TheCache_NeverHoldsMoreThanItsLimit()
    {
        var protector = new MaskedAntiforgeryTokens.MaskingProtector(inner, clock);

        for (var i = 0; i < MaskedAntiforgeryTokens.Limit + 10; i++)
        {
            protector.Protect(BitConverter.GetBytes(i));
        }

        Assert.InRange(protector.Count, 1, MaskedAntiforgeryTokens.Limit);
    }

    private sealed class CountingProtector(IDataProtector inner) : IDataProtector
    {
        public int Protects { get; private set; }

        public IDataProtector CreateProtector(string purpose) => inner.CreateProtector(purpose);

        public byte[] Protect(byte[] plaintext)
        {
            Protects++;
            return inner.Protect(plaintext);
        }

        public byte[] Unprotect(byte[] protectedData) => inner.Unprotect(protectedData);
    }
}
