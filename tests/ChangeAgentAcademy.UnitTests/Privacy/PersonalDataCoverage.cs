using System.Text.RegularExpressions;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>
/// The rule of the coverage test, apart from the site so it can be tried on a fake model. A column holds personal
/// data when it is
/// <list type="bullet">
/// <item>a person key: a Guid whose name ends in UserId, PersonId, AuthorId, TraineeId, ActorId, TrainerId, LeaderId,
/// SupervisorId, FacilitatorId, MemberId, OwnerId or By (ChangedBy, NotesBy…), or any column of a foreign key to AppUser;</item>
/// <item>an address or a name: a string named *Email*, To, PhoneNumber, *UserName, *DisplayName, FirstName, LastName, FullName;</item>
/// <item>free text a person writes: a string whose name ends in Text, Draft, Markdown, Html, Comment, Message, Wishes,
/// Critique, Notes, Contract, Body, Details, Device, Feedback, Json or Prompt, or starts with Vision; except in the
/// programme's own content (<see cref="ContentEntities"/>), written by authors for everyone.</item>
/// </list>
/// Every such column must be named in the declaration of its entity; every declared entity must be in the model and
/// every declared column must exist on it.
/// </summary>
public static partial class PersonalDataCoverage
{
    /// <summary>Curriculum content: lesson, module and kit texts and rubrics, the programme's text, not a person's (their authors are person keys and are declared).</summary>
    public static readonly IReadOnlySet<string> ContentEntities = new HashSet<string>(StringComparer.Ordinal)
    {
        "ChangeAgentAcademy.Curriculum.Data.LessonVersion",
        "ChangeAgentAcademy.Curriculum.Data.ImportConflict",
        "ChangeAgentAcademy.Curriculum.Data.KitDocumentText",
        "ChangeAgentAcademy.Curriculum.Data.ModuleText",
        "ChangeAgentAcademy.Curriculum.Data.AssignmentRubric",
    };

    [GeneratedRegex("(UserId|PersonId|AuthorId|TraineeId|ActorId|TrainerId|LeaderId|SupervisorId|FacilitatorId|MemberId|OwnerId|By)$")]
    private static partial Regex PersonKeyName();

    [GeneratedRegex("(Email|^To$|^PhoneNumber$|UserName$|DisplayName$|^FirstName$|^LastName$|^FullName$)")]
    private static partial Regex ContactName();

    [GeneratedRegex("((Text|Draft|Markdown|Html|Comment|Message|Wishes|Critique|Notes|Contract|Body|Details|Device|Feedback|Json|Prompt)$|^Vision)")]
    private static partial Regex FreeTextName();

    public static string? WhyPersonal(IEntityType entity, IProperty property)
    {
        var type = property.ClrType;
        if ((type == typeof(Guid) || type == typeof(Guid?)) && PersonKeyName().IsMatch(property.Name))
        {
            return "person key";
        }

        if (property.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(AppUser)))
        {
            return "key to AppUser";
        }

        if (type != typeof(string))
        {
            return null;
        }

        if (ContactName().IsMatch(property.Name))
        {
            return "address or name";
        }

        return FreeTextName().IsMatch(property.Name) && !ContentEntities.Contains(entity.ClrType.FullName ?? "") ? "free text" : null;
    }

    /// <summary>What is wrong, one line each; empty when every personal column is declared and every declaration is real.</summary>
    public static IReadOnlyList<string> Problems(IModel model, IEnumerable<PersonalDataDeclaration> declarations)
    {
        var declared = declarations.GroupBy(d => d.Entity).ToDictionary(g => g.Key, g => g.SelectMany(d => d.Columns).ToHashSet(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            declared.TryGetValue(entity.ClrType, out var columns);
            foreach (var property in entity.GetProperties())
            {
                var why = WhyPersonal(entity, property);
                if (why is not null && (columns is null || !columns.Contains(property.Name)))
                {
                    problems.Add($"{entity.ClrType.Name}.{property.Name} ({entity.GetTableName()}.{property.GetColumnName()}, {why}) is declared by no privacy provider");
                }
            }
        }

        foreach (var (type, columns) in declared)
        {
            var entity = model.FindEntityType(type);
            if (entity is null)
            {
                problems.Add($"{type.Name} is declared but is not an entity of the model");
                continue;
            }

            problems.AddRange(columns.Where(c => entity.FindProperty(c) is null).Select(c => $"{type.Name}.{c} is declared but is not a column"));
        }

        return problems;
    }
}
