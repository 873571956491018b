using ChangeAgentAcademy.Audit.Services;
using ChangeAgentAcademy.Audit.ViewModels;
using ChangeAgentAcademy.People.Services;

namespace ChangeAgentAcademy.UnitTests;

public class AuditRuleTests
{
    [Theory]
    [InlineData("=SUM(A1:A3)", "'=SUM(A1:A3)")]
    [InlineData("+46 70 123", "'+46 70 123")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=A1,\"x\"", "\"'=A1,\"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void CsvCell_QuotesFormulasAndSeparators(string? value, string expected) =>
        Assert.Equal(expected, AuditRules.CsvCell(value));

    [Theory]
    [InlineData("workshops.request-declined", "ActionWorkshopsRequestDeclined")]
    [InlineData("account.signed-in", "ActionAccountSignedIn")]
    [InlineData("people.roles-changed", "ActionPeopleRolesChanged")]
    public void DescriptionKey_IsActionAndThePascalCasedId(string action, string key) =>
        Assert.Equal(key, AuditRules.DescriptionKey(action));

    [Fact]
    public void ModuleOf_IsThePrefixBeforeTheDot()
    {
        Assert.Equal("workshops", AuditRules.ModuleOf("workshops.booked"));
        Assert.Equal("demo", AuditRules.ModuleOf("demo"));
        Assert.Equal("ModuleWorkshops", AuditRules.ModuleKey("workshops"));
    }

    [Fact]
    public void Validate_AcceptsAnEmptyAndAFullFilter()
    {
        Assert.Empty(AuditRules.Validate(new AuditFilterViewModel()));
        Assert.Empty(AuditRules.Validate(new AuditFilterViewModel
        {
            Person = "anna", ActionId = "account.sign-in-failed", Module = "account", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 1, 1), Before = 12,
        }));
    }

    [Theory]
    [InlineData("Person", null, null, null, null, 0)]
    [InlineData(null, "DROP TABLE", null, null, null, 0)]
    [InlineData(null, "Account.SignedIn", null, null, null, 0)]
    [InlineData(null, null, "work.shops", null, null, 0)]
    [InlineData(null, null, null, "2026-02-02", "2026-02-01", 0)]
    [InlineData(null, null, null, "1999-12-31", null, 0)]
    [InlineData(null, null, null, null, null, -1)]
    public void Validate_RefusesWhatCannotBeRun(string? person, string? action, string? module, string? from, string? to, long before)
    {
        var filter = new AuditFilterViewModel
        {
            Person = person == "Person" ? new string('x', 201) : person, ActionId = action, Module = module,
            From = from is null ? null : DateOnly.Parse(from), To = to is null ? null : DateOnly.Parse(to), Before = before == 0 ? null : before,
        };

        Assert.Single(AuditRules.Validate(filter));
    }

    [Fact]
    public void UtcRange_CoversTheLocalDaysInclusive()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

        var (from, to) = AuditRules.UtcRange(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2), zone);

        Assert.Equal(new DateTime(2026, 5, 31, 22, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 6, 2, 22, 0, 0, DateTimeKind.Utc), to);
        Assert.Equal((null, null), AuditRules.UtcRange(null, null, zone));
    }

    [Fact]
    public void KnownActions_AreValidIds_AndTheirModulesAreKnown()
    {
        Assert.All(AuditRules.KnownActions, a => Assert.Empty(AuditRules.Validate(new AuditFilterViewModel { ActionId = a, Module = AuditRules.ModuleOf(a) })));
        Assert.All(AuditRules.KnownActions, a => Assert.Contains(AuditRules.ModuleOf(a), AuditRules.KnownModules));
    }

    [Fact]
    public void RoleChange_SaysFromWhatToWhat_InAStableOrder() =>
        Assert.Equal("Trainee -> Leader,Trainee", PeopleService.RoleChange(["Trainee"], ["Trainee", "Leader", "Leader"]));
}
