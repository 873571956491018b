namespace ChangeAgentAcademy.Curriculum.ViewModels;

/// <summary>One criterion on the rubric editor (bound from the form): its id, name and three level descriptors. A row left empty is no criterion.</summary>
public sealed class RubricCriterionEditRow
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Level1 { get; set; }

    public string? Level2 { get; set; }

    public string? Level3 { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Level1) && string.IsNullOrWhiteSpace(Level2) && string.IsNullOrWhiteSpace(Level3);
}
