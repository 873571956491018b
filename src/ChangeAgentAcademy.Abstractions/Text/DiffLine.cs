namespace ChangeAgentAcademy.Text;

public sealed record DiffLine(DiffOp Op, string Text);
