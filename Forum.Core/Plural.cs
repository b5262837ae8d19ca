namespace Forum.Core;

/// <summary>
/// Which form a counted noun takes. The UI's languages, English and Spanish, agree (CLDR "one" is exactly 1:
/// "0 replies", "0 respuestas"); a language with other rules (French puts 0 in the singular) changes this one place.
/// Pages use it through <c>L.Plural(count, one, other)</c>; Core picks a refusal's form with it.
/// </summary>
public static class Plural
{
    public static bool IsOne(long count) => count == 1;
}
