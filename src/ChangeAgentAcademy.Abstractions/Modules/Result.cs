namespace ChangeAgentAcademy.Modules;

/// <summary>
/// The one answer a service gives a controller for a command: a status, localized error messages (shown to the
/// person) and warnings (shown, but not stopping). A controller maps <see cref="Status"/> to a response with
/// <c>Controller.ResultFor</c>-style code of its own; a service never returns an <c>IActionResult</c>.
/// </summary>
public record Result(ResultStatus Status, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Ok => Status == ResultStatus.Ok;

    /// <summary>The first error, for a flash message; null when there is none.</summary>
    public string? Error => Errors.Count > 0 ? Errors[0] : null;

    public static Result Success(params string[] warnings) => new(ResultStatus.Ok, [], warnings);

    public static Result Invalid(params string[] errors) => new(ResultStatus.Invalid, errors, []);

    public static Result Forbidden(params string[] errors) => new(ResultStatus.Forbidden, errors, []);

    public static Result NotFound() => new(ResultStatus.NotFound, [], []);

    public static Result Conflict(params string[] errors) => new(ResultStatus.Conflict, errors, []);

    /// <summary>The HTTP status code the result stands for (200 for <see cref="ResultStatus.Ok"/>).</summary>
    public int HttpStatus => Status switch
    {
        ResultStatus.Ok => 200,
        ResultStatus.Invalid => 400,
        ResultStatus.Forbidden => 403,
        ResultStatus.NotFound => 404,
        _ => 409,
    };
}

/// <summary>A <see cref="Result"/> that also carries a value when it succeeded (or details when it did not).</summary>
public sealed record Result<T>(ResultStatus Status, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, T? Value)
    : Result(Status, Errors, Warnings)
{
    public static Result<T> Success(T value, params string[] warnings) => new(ResultStatus.Ok, [], warnings, value);

    /// <summary>The same failure with a value type (e.g. from a shared validation step).</summary>
    public static Result<T> From(Result failure, T? value = default) => new(failure.Status, failure.Errors, failure.Warnings, value);
}
