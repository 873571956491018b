using System.Security.Claims;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The kit's content format: rubrics, objectives, kit documents, and who may read what.</summary>
public class KitContentTests
{
    private const string Criterion = "  - id: {0}\n    name: Name {0}\n    levels:\n      - One\n      - Two\n      - Three\n";

    private static string Rubric(string criteria, string forKind = "reflection", string body = "Say what is good first.") =>
        $"---\nid: rubric-{forKind}\ntitle: Rubric\nkind: rubric\nfor: {forKind}\ncriteria:\n{criteria}---\n{body}\n";

    private static string Criteria(params string[] ids) => string.Concat(ids.Select(id => string.Format(Criterion, id)));

    [Fact]
    public void Parse_Rubric_ReadsCriteriaWithThreeLevelsAndGuidance()
    {
        var (content, issue) = ContentFile.Parse("en/m1/rubric-reflection.md", Rubric(Criteria("experience", "learning")), ContentRole.Rubric);

        Assert.Null(issue);
        Assert.Equal(["experience", "learning"], content!.Meta.Criteria!.Select(c => c.Id));
        Assert.Equal(["One", "Two", "Three"], content.Meta.Criteria![0].Levels);
        Assert.Equal("Say what is good first.", content.Body);
    }

    [Theory]
    [InlineData("  - id: only\n    name: One\n    levels: [a, b, c]\n", "criteria: 2-8")]
    [InlineData("  - id: a\n    name: A\n    levels: [a, b]\n  - id: b\n    name: B\n    levels: [a, b, c]\n", "criteria[1].levels: 3")]
    [InlineData("  - id: a\n    name: A\n    levels: [a, b, c]\n  - id: b\n    name: B\n    levels: [a, b, c, d]\n", "criteria[2].levels: 3")]
    [InlineData("  - id: a\n    name: A\n    levels: [a, b, c]\n  - id: a\n    name: B\n    levels: [a, b, c]\n", "criteria[2].id")]
    [InlineData("  - id: Not A Slug\n    name: A\n    levels: [a, b, c]\n  - id: b\n    name: B\n    levels: [a, b, c]\n", "criteria[1].id")]
    [InlineData("  - id: a\n    levels: [a, b, c]\n  - id: b\n    name: B\n    levels: [a, b, c]\n", "criteria[1].name")]
    [InlineData("  - id: a\n    name: A\n    levels: [a, '', c]\n  - id: b\n    name: B\n    levels: [a, b, c]\n", "criteria[1].levels: 3")]
    public void Parse_RubricOfWrongShape_Refused(string criteria, string detail)
    {
        var (content, issue) = ContentFile.Parse("en/m1/rubric-reflection.md", Rubric(criteria), ContentRole.Rubric);

        Assert.Null(content);
        Assert.Equal("RubricShape", issue!.Code);
        Assert.Equal(detail, issue.Detail);
    }

    [Fact]
    public void Parse_RubricWithoutGuidance_Refused()
    {
        var (_, issue) = ContentFile.Parse("en/m1/rubric-reflection.md", Rubric(Criteria("a", "b"), body: ""), ContentRole.Rubric);

        Assert.Equal("RubricShape", issue!.Code);
        Assert.Equal("feedback guidance", issue.Detail);
    }

    [Fact]
    public void Parse_RubricForOtherAssignmentThanFileName_Refused()
    {
        var (_, issue) = ContentFile.Parse("en/m1/rubric-reflection.md", Rubric(Criteria("a", "b"), forKind: "practical"), ContentRole.Rubric);

        Assert.Equal("RubricFor", issue!.Code);
    }

    [Fact]
    public void Parse_RubricUnknownKey_RefusedWithLine()
    {
        var (_, issue) = ContentFile.Parse("en/m1/rubric-reflection.md", "---\nid: rubric-reflection\ntitle: R\nkind: rubric\nfor: reflection\nscore: 5\n---\nText", ContentRole.Rubric);

        Assert.Equal("InvalidYaml", issue!.Code);
        Assert.Equal(6, issue.Line);
    }

    [Theory]
    [InlineData("---\nid: objectives\ntitle: Objectives\nkind: objectives\n---\n- Name the parts.\n- Plan a test.\n", null)]
    [InlineData("---\nid: objectives\ntitle: Objectives\nkind: objectives\n---\nOnly prose, no list.\n", "Objectives")]
    [InlineData("---\nid: objectives\ntitle: Objectives\nkind: lesson\n---\n- A list.\n", "WrongKind")]
    public void Parse_Objectives_NeedAList(string text, string? code)
    {
        var (_, issue) = ContentFile.Parse("en/m1/objectives.md", text, ContentRole.Objectives);

        Assert.Equal(code, issue?.Code);
    }

    [Theory]
    [InlineData("kind: guide\naudience: [trainer, supervisor]", null)]
    [InlineData("kind: worksheet\naudience: [trainee, trainer, leader]", null)]
    [InlineData("kind: guide\naudience: [trainer, trainee]", "Audience")]
    [InlineData("kind: guide\naudience: []", "Audience")]
    [InlineData("kind: worksheet\naudience: [everyone]", "Audience")]
    [InlineData("kind: handout\naudience: [trainer]", "KitKind")]
    [InlineData("kind: completion\naudience: [trainee]", "Missing")]
    [InlineData("kind: completion\naudience: [trainee]\ntrack: trainee", null)]
    [InlineData("kind: glossary\naudience: [trainee]", "GlossaryShape")]
    [InlineData("kind: glossary\naudience: [trainee]\nterms:\n  - id: pdsa\n    term: PDSA\n    definition: Plan, do, study, act.", null)]
    [InlineData("kind: glossary\naudience: [trainee]\nterms:\n  - id: pdsa\n    term: PDSA\n    definition: One.\n  - id: pdsa\n    term: Again\n    definition: Two.", "GlossaryShape")]
    public void Parse_KitDocument_KindAudienceAndShapeChecked(string yaml, string? code)
    {
        var (_, issue) = ContentFile.Parse("en/kit/doc.md", $"---\nid: doc\ntitle: Doc\norder: 1\n{yaml}\n---\nBody.\n", ContentRole.Kit);

        Assert.Equal(code, issue?.Code);
    }

    [Theory]
    [InlineData(Roles.Trainee, false, true)]
    [InlineData(Roles.Leader, false, true)]
    [InlineData(Roles.Trainer, true, false)]
    [InlineData(Roles.Supervisor, true, false)]
    [InlineData(Roles.Administrator, true, true)]
    public void KitAccess_GuideForFacilitators_WorksheetForTraineesAndLeaders(string role, bool guide, bool worksheet)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        var audiences = KitAccess.AudiencesOf(user);

        Assert.Equal(guide, KitAccess.CanRead(new KitItem("g", "guide", ["trainer", "supervisor"], null, 1), audiences));
        Assert.Equal(worksheet, KitAccess.CanRead(new KitItem("w", "worksheet", ["trainee", "leader"], null, 1), audiences));
    }
}
