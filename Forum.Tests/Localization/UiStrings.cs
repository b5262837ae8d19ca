using System.Text.RegularExpressions;

namespace Forum.Tests.Localization;

/// <summary>The English UI strings the forum's source passes through its localizer, read from the source.</summary>
internal static partial class UiStrings
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerKey();

    // Refusals: new FieldError("Field", "Message", ...), and the target-typed new("Field", "Message", ...) where the
    // type is FieldError by declaration (yield return in a FieldError iterator, or a FieldError field).
    [GeneratedRegex("""(?:new FieldError|yield return new|FieldError \w+ = new)\(\s*"[A-Za-z]*",\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex RefusalMessage();

    // Typed refusals: Refusal.Forbidden("Message", ...) and the other kinds.
    [GeneratedRegex("""Refusal\.(?:NotFound|Forbidden|Conflict|RateLimited|Unavailable|Invalid)\(\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex TypedRefusalMessage();

    // Counted nouns: L.Plural(count, "{0} reply", "{0} replies", ...) names both forms.
    [GeneratedRegex("""\.Plural\([^"]*?,\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex PluralForms();

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Forum.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Forum.sln not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlySet<string> All()
    {
        var root = RepositoryRoot();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(Path.Combine(root, "Forum.Web"), "*.cshtml", "*.cs").Concat(SourceFiles(Path.Combine(root, "Forum.Core"), "*.cs")))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in RefusalMessage().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in TypedRefusalMessage().Matches(text)) keys.Add(Regex.Unescape(m.Groups[1].Value));
            foreach (Match m in PluralForms().Matches(text))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
                keys.Add(Regex.Unescape(m.Groups[2].Value));
            }
        }
        return keys;
    }

    private static IEnumerable<string> SourceFiles(string folder, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
