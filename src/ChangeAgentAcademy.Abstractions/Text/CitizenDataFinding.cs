namespace ChangeAgentAcademy.Text;

/// <summary>A detail that may identify a citizen: Start/Length index into the checked text; Text is the matched substring.</summary>
public sealed record CitizenDataFinding(int Start, int Length, CitizenDataKind Kind, string Text);
