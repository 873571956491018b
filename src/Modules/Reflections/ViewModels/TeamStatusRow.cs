namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A team member's hand-in and its state now: status and the hand-in date only, never what they wrote or were told.</summary>
public sealed record TeamStatusRow(string Person, string Title, string Status, DateTime ChangedUtc);
