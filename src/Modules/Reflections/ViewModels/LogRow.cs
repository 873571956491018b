using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record LogRow(long Id, string Type, string Title, DateTime UpdatedUtc, bool HandedIn, long? FollowsLogId);
