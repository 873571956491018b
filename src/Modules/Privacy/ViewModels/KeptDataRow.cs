namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>One kind of personal data as every signed-in person reads it: what and why, who can see it, how long it is kept, what erasure does (no tables or columns).</summary>
public sealed record KeptDataRow(string Module, string Purpose, string Readers, string Retention, string Erasure);
