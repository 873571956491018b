using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Workshops;

public static class WorkshopPermissions
{
    /// <summary>See the workshop calendar.</summary>
    public const string View = "Workshops.View";

    /// <summary>Book a place (or a waiting-list place) and cancel it.</summary>
    public const string Book = "Workshops.Book";

    /// <summary>Ask for an on-site workshop for one's own team.</summary>
    public const string Request = "Workshops.Request";

    /// <summary>Create sessions, answer on-site requests, facilitate and record one's own sessions.</summary>
    public const string Manage = "Workshops.Manage";

    /// <summary>Record and cancel any session, not only those one facilitates.</summary>
    public const string ManageAll = "Workshops.ManageAll";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, [Roles.Administrator, Roles.Trainer, Roles.Leader, Roles.Trainee]),
        new(Book, [Roles.Trainee, Roles.Leader]),
        new(Request, [Roles.Leader]),
        new(Manage, [Roles.Administrator, Roles.Trainer]),
        new(ManageAll, [Roles.Administrator]),
    ];
}
