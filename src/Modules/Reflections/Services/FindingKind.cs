namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>What kind of citizen detail a <see cref="Finding"/> is.</summary>
public enum FindingKind
{
    PersonalNumber,
    Phone,
    Email,
    Address,
    Name,
}
