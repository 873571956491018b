namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>What an enrolment did: how many people got a place and how many went to the waiting list.</summary>
public readonly record struct Placements(int Enrolled, int Waitlisted);
