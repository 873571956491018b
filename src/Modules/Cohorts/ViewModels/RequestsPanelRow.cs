namespace ChangeAgentAcademy.Cohorts.ViewModels;

/// <summary>One pending request on the leader's start page panel; <see cref="Total"/> is how many wait in all.</summary>
public sealed record RequestsPanelRow(string Person, string Cohort, DateTime RequestedUtc, int Total);
