using System.Security.Claims;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Security;
using ChangeAgentAcademy.Web.Services;

namespace ChangeAgentAcademy.UnitTests;

public class DirectorySignInRuleTests
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["academy-trainers"] = "Trainer",
        ["academy-leaders"] = "leader",
        ["academy-typo"] = "Wizard",
    };

    [Fact]
    public void Granted_MapsGroupsCaseInsensitively_ToKnownRoleNames_IgnoresUnmappedAndUnknown()
    {
        var granted = DirectorySignInRules.Granted(["ACADEMY-LEADERS", "everyone", "academy-typo"], Map, Roles.All);

        Assert.Equal(["Leader"], granted.Order());
    }

    [Fact]
    public void Managed_IsTheMapsKnownTargets()
    {
        Assert.Equal(["Leader", "Trainer"], DirectorySignInRules.Managed(Map, Roles.All).Order());
    }

    [Fact]
    public void Changes_AddsGranted_RemovesManagedNoLongerGranted_KeepsHandGivenRoles()
    {
        var managed = DirectorySignInRules.Managed(Map, Roles.All);
        var granted = DirectorySignInRules.Granted(["academy-leaders"], Map, Roles.All);

        var (add, remove) = DirectorySignInRules.Changes(["Trainer", "Administrator"], granted, managed);

        Assert.Equal(["Leader"], add);
        Assert.Equal(["Trainer"], remove);
    }

    [Fact]
    public void Changes_NothingToDo_WhenRolesAlreadyMatch()
    {
        var managed = DirectorySignInRules.Managed(Map, Roles.All);

        var (add, remove) = DirectorySignInRules.Changes(["Trainer"], new HashSet<string> { "Trainer" }, managed);

        Assert.Empty(add);
        Assert.Empty(remove);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void EmailVerified_OnlyAnExplicitTrue(string? claim, bool verified)
    {
        Assert.Equal(verified, DirectorySignInRules.IsVerified(claim));
    }

    [Fact]
    public void ExternalIdentity_ReadsConfiguredClaims_GroupsAsClaimsOrJsonArray()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "s-1"), new Claim("upn", "a@x.example"), new Claim("email_verified", "true"), new Claim("name", "A"),
            new Claim("roles", "g1"), new Claim("roles", "[\"g2\",\"g3\"]"),
        ]));

        var who = ExternalIdentity.From(principal, new DirectoryOptions { EmailClaim = "upn", GroupsClaim = "roles" });

        Assert.Equal(new ExternalIdentity("s-1", "a@x.example", true, "A", who.Groups), who);
        Assert.Equal(["g1", "g2", "g3"], who.Groups);
    }

    [Fact]
    public void Scopes_AlwaysAskForOpenId_SplitOnSpacesAndCommas()
    {
        Assert.Equal(["openid", "email", "groups"], new DirectoryOptions { Scopes = "email, groups email" }.ScopeList());
    }

    [Fact]
    public void ContentSecurityPolicy_FormsMayLeadToTheDirectoryOnly_WhenConfigured()
    {
        var configured = SecurityHeaders.WithDirectory(SecurityHeaders.ContentSecurityPolicy, new DirectoryOptions { Authority = "https://login.example.org/tenant/v2.0", ClientId = "x" });
        var none = SecurityHeaders.WithDirectory(SecurityHeaders.ContentSecurityPolicy, new DirectoryOptions());

        Assert.Contains("form-action 'self' https://login.example.org;", configured);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, none);
    }
}
