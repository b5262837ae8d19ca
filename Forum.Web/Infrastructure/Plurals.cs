using System.Globalization;
using Forum.Core;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Infrastructure;

/// <summary>
/// Counted nouns in the reader's language: <c>L.Plural(n, "{0} reply", "{0} replies")</c>. Both forms are keys of
/// the resource file, so each language words them its own way.
/// </summary>
public static class Plurals
{
    /// <summary>
    /// The form for <paramref name="count"/>, formatted with <paramref name="arguments"/>; without arguments the
    /// count itself, grouped as the reader writes numbers ("1,234" or "1.234"), is {0}.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string one, string other, params object[] arguments) =>
        localizer[Core.Plural.IsOne(count) ? one : other, arguments.Length > 0 ? arguments : [count.ToString("N0", CultureInfo.CurrentCulture)]];
}
