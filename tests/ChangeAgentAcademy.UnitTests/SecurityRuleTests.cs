using System.Buffers.Binary;
using System.Security.Claims;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

public class SecurityRuleTests
{
    [Fact]
    public void PasswordHash_UsesAtLeast210000Pbkdf2Iterations()
    {
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = new SecurityOptions().PasswordHashIterations }));

        var hash = Convert.FromBase64String(hasher.HashPassword(new AppUser(), "Demo-Academy-2026!"));

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), ...
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
    }

    [Fact]
    public void AbsoluteLimit_WithinTwelveHours_NotExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var properties = new AuthenticationProperties();
        AbsoluteSessionLimit.Stamp(properties, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));

        Assert.False(AbsoluteSessionLimit.IsExpired(properties, clock.GetUtcNow(), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void AbsoluteLimit_AfterTwelveHours_Expired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var properties = new AuthenticationProperties();
        AbsoluteSessionLimit.Stamp(properties, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(12));

        Assert.True(AbsoluteSessionLimit.IsExpired(properties, clock.GetUtcNow(), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void AbsoluteLimit_StampAgainOnRenewal_KeepsFirstSignInTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var properties = new AuthenticationProperties();
        AbsoluteSessionLimit.Stamp(properties, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(6));
        AbsoluteSessionLimit.Stamp(properties, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromHours(6));

        Assert.True(AbsoluteSessionLimit.IsExpired(properties, clock.GetUtcNow(), TimeSpan.FromHours(12)));
    }

    [Fact]
    public void AbsoluteLimit_TicketWithoutStamp_Expired()
    {
        Assert.True(AbsoluteSessionLimit.IsExpired(new AuthenticationProperties(), DateTimeOffset.UtcNow, TimeSpan.FromHours(12)));
    }

    [Fact]
    public void StampCheck_DueOnlyWithoutAnIssueTimeOrAfterTheInterval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var interval = TimeSpan.FromMinutes(5);
        var properties = new AuthenticationProperties { IssuedUtc = clock.GetUtcNow() };

        Assert.False(AbsoluteSessionLimit.StampCheckDue(properties, clock.GetUtcNow(), interval));
        clock.Advance(interval);
        Assert.False(AbsoluteSessionLimit.StampCheckDue(properties, clock.GetUtcNow(), interval));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(AbsoluteSessionLimit.StampCheckDue(properties, clock.GetUtcNow(), interval));
        Assert.True(AbsoluteSessionLimit.StampCheckDue(new AuthenticationProperties(), clock.GetUtcNow(), interval));
    }

    private static ClaimsPrincipal Person(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())), "test"));

    [Fact]
    public void Permission_DefaultRoles_GrantOnlyThoseRoles()
    {
        var service = new PermissionService([new Permission("X.Edit", [Roles.Administrator, Roles.Trainer])], new ConfigurationBuilder().Build());

        Assert.True(service.Has(Person(Roles.Trainer), "X.Edit"));
        Assert.True(service.Has(Person(Roles.Trainee, Roles.Administrator), "X.Edit"));
        Assert.False(service.Has(Person(Roles.Leader), "X.Edit"));
        Assert.False(service.Has(Person(Roles.Trainee), "X.Edit"));
    }

    [Fact]
    public void Permission_ConfiguredRoles_ReplaceDefaults()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Permissions:X.Edit:0"] = Roles.Administrator }).Build();
        var service = new PermissionService([new Permission("X.Edit", [Roles.Administrator, Roles.Trainer])], config);

        Assert.False(service.Has(Person(Roles.Trainer), "X.Edit"));
        Assert.True(service.Has(Person(Roles.Administrator), "X.Edit"));
    }

    [Fact]
    public void Permission_UnknownOrAnonymous_Refused()
    {
        var service = new PermissionService([new Permission("X.Edit", [Roles.Administrator])], new ConfigurationBuilder().Build());

        Assert.False(service.Has(Person(Roles.Administrator), "Y.Unknown"));
        Assert.False(service.Has(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Administrator)])), "X.Edit"));
    }
}
