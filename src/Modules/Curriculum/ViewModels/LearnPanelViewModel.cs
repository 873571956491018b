namespace ChangeAgentAcademy.Curriculum.ViewModels;

/// <summary>The start page's learning panel: lessons done of the track's lessons, and where to continue.</summary>
public sealed record LearnPanelViewModel(int Done, int Total, ResumeLinkRow? Next)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}
