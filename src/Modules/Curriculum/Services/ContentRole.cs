namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>What a content file is, which decides the front matter it must have.</summary>
public enum ContentRole
{
    Module,
    Item,
    Objectives,
    Rubric,
    Kit,
}
