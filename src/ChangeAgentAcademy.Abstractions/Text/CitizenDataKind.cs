namespace ChangeAgentAcademy.Text;

/// <summary>What kind of citizen detail a <see cref="CitizenDataFinding"/> is.</summary>
public enum CitizenDataKind
{
    PersonalNumber,
    Phone,
    Email,
    Address,
    Name,
}
