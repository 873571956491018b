namespace ChangeAgentAcademy.Workshops.Services;

public sealed record SessionSlot(DateTime LocalStart, DateTime StartsUtc, DateTime EndsUtc);
