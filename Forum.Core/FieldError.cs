namespace Forum.Core;

/// <summary>
/// Why an input was refused. <see cref="Message"/> is English text with {0}-style placeholders; pages pass
/// it through their localizer with <see cref="Args"/>. <see cref="Field"/> names the form field, or "" for
/// the whole form.
/// </summary>
public sealed record FieldError(string Field, string Message, params object[] Args);

/// <summary>The outcome of a command: a value, or the reasons it was refused.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static Outcome<T> Ok(T value) => new(value, []);
    public static Outcome<T> Refused(params FieldError[] errors) => new(default, errors);
    public static Outcome<T> Refused(IReadOnlyList<FieldError> errors) => new(default, errors);
}
