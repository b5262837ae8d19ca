using Markdig.Syntax.Inlines;

namespace Forum.Core.Markdown;

/// <summary>
/// <c>@name</c> in a post, as typed. The cooker fills <see cref="Username"/> or <see cref="GroupName"/> when the
/// name belongs to a member or a mentionable group; otherwise it renders as the plain text it was.
/// </summary>
public sealed class MentionInline : LeafInline
{
    public required string Name { get; init; }

    public string? Username { get; set; }

    public string? GroupName { get; set; }
}
