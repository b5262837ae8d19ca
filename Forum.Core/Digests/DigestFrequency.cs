namespace Forum.Core.Digests;

/// <summary>How often a member wants the summary email. Stored by its lower-case name.</summary>
public enum DigestFrequency { Never, Daily, Weekly, Biweekly, Monthly }

public sealed record DigestPreferences(DigestFrequency Frequency, int Hour);

public static class DigestRules
{
    public const DigestFrequency DefaultFrequency = DigestFrequency.Weekly;
    public const int DefaultHour = 8;

    public static string NameOf(DigestFrequency frequency) => frequency.ToString().ToLowerInvariant();

    /// <summary>Only the names count: Enum.TryParse alone would also take numbers.</summary>
    public static bool TryParse(string? name, out DigestFrequency frequency)
    {
        frequency = DefaultFrequency;
        var match = Enum.GetNames<DigestFrequency>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return match is not null && Enum.TryParse(match, out frequency);
    }

    public static IEnumerable<FieldError> CheckPreferences(string? frequency, int hour)
    {
        if (!TryParse(frequency, out _)) yield return new("Frequency", "Choose how often to receive the summary.");
        if (hour is < 0 or > 23) yield return new("Hour", "Choose an hour between {0} and {1}.", 0, 23);
    }
}
