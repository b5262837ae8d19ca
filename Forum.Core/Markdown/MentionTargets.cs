namespace Forum.Core.Markdown;

/// <summary>A member or group a mention may name.</summary>
public sealed record MentionTarget(long Id, string Name);

/// <summary>The mentioned names that exist, looked up ignoring case; a name that is both a member and a group means the member.</summary>
public sealed class MentionTargets(IEnumerable<MentionTarget> users, IEnumerable<MentionTarget> groups)
{
    public static readonly MentionTargets None = new([], []);

    private readonly Dictionary<string, MentionTarget> users = users.ToDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MentionTarget> groups = groups.ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);

    public MentionTarget? User(string name) => users.GetValueOrDefault(name);

    public MentionTarget? Group(string name) => users.ContainsKey(name) ? null : groups.GetValueOrDefault(name);
}

/// <summary>The names a post mentions (outside code, links and quotes) and the authors it quotes, in order of appearance.</summary>
public sealed record MentionedNames(IReadOnlyList<string> Mentioned, IReadOnlyList<string> Quoted)
{
    public IReadOnlyList<string> All => [.. Mentioned.Concat(Quoted).Distinct(StringComparer.OrdinalIgnoreCase)];
}
