using ChangeAgentAcademy.Reflections.Services;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record CalendarPageViewModel(string? FeedUrl, IReadOnlyList<CalendarEntry> Upcoming);
