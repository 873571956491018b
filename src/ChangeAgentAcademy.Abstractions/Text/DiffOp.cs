namespace ChangeAgentAcademy.Text;

public enum DiffOp
{
    Same,
    Added,
    Removed,
}
