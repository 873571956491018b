using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record CalendarPageViewModel(string? FeedUrl, IReadOnlyList<CalendarEntry> Upcoming);
