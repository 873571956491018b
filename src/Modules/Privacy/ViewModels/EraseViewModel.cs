namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>
/// The confirmation step: who is to be erased, what each module does, and what holds it (refusals and holds); the
/// person's open request, if any, which the form names so that an erasure is refused if the person withdraws it meanwhile.
/// </summary>
public sealed record EraseViewModel(Guid PersonId, string Name, string Email, IReadOnlyList<string> Refusals, IReadOnlyList<RecordRow> Effects, Guid? RequestId = null);
