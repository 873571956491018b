using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>A team member's hand-in and its state now: status and the hand-in date only, never what they wrote or were told.</summary>
public sealed record TeamStatusChange(string Person, string Title, string Status, DateTime ChangedUtc);
