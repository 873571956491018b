namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>The record of processing for everyone: made from the same providers' declarations as the officer's record, without its operational detail.</summary>
public sealed record KeptDataViewModel(IReadOnlyList<KeptDataRow> Rows);
