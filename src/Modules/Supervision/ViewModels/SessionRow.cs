using ChangeAgentAcademy.Supervision.Data;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record SessionRow(long Id, DateTime StartsUtc, DateTime EndsUtc, SessionStatus Status, bool Adjusted, IReadOnlyList<string> Presenters, bool HasNotes);
