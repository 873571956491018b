namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record IdeaRow(long Id, string Text, string? PdsaUrl, bool PdsaIsMine);
