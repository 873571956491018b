namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>The confirmation step: who is to be erased, what each module does, and what holds it (refusals and holds).</summary>
public sealed record EraseViewModel(Guid PersonId, string Name, string Email, IReadOnlyList<string> Refusals, IReadOnlyList<RecordRow> Effects);
