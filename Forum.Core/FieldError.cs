namespace Forum.Core;

/// <summary>What kind of "no" a refusal is; the web layer maps each to one HTTP status (RefusalResponses).</summary>
public enum RefusalKind { Invalid, NotFound, Forbidden, Conflict, RateLimited, Unavailable, TooLarge }

/// <summary>
/// Why a command or a read was refused. <see cref="Message"/> is English text with {0}-style placeholders; pages
/// pass it through their localizer with <see cref="Args"/>. <see cref="Field"/> names the form field the refusal
/// belongs next to, or "" for the whole form; it says nothing about the kind, which <see cref="Kind"/> states.
/// </summary>
public record Refusal(RefusalKind Kind, string Field, string Message, params object[] Args)
{
    public static Refusal NotFound(string message, params object[] args) => new(RefusalKind.NotFound, "", message, args);
    public static Refusal Forbidden(string message, params object[] args) => new(RefusalKind.Forbidden, "", message, args);
    public static Refusal Conflict(string message, params object[] args) => new(RefusalKind.Conflict, "", message, args);
    public static Refusal RateLimited(string message, params object[] args) => new(RefusalKind.RateLimited, "", message, args);
    public static Refusal Unavailable(string message, params object[] args) => new(RefusalKind.Unavailable, "", message, args);
    public static Refusal TooLarge(string message, params object[] args) => new(RefusalKind.TooLarge, "", message, args);

    /// <summary>Bad input for the whole form rather than one field.</summary>
    public static Refusal Invalid(string message, params object[] args) => new(RefusalKind.Invalid, "", message, args);
}

/// <summary>Bad input: a validation refusal, next to its field (or "" for the whole form). Always <see cref="RefusalKind.Invalid"/>.</summary>
public sealed record FieldError(string Field, string Message, params object[] Args) : Refusal(RefusalKind.Invalid, Field, Message, Args);

/// <summary>The outcome of a command: a value, or the reasons it was refused.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<Refusal> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static Outcome<T> Ok(T value) => new(value, []);
    public static Outcome<T> Refused(params Refusal[] errors) => new(default, errors);
    public static Outcome<T> Refused(IReadOnlyList<Refusal> errors) => new(default, errors);
}
