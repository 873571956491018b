using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

public enum SaveOutcome
{
    Saved,
    Conflict,
    NotFound,
}
