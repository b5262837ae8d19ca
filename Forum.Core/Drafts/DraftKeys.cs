using System.Text.RegularExpressions;

namespace Forum.Core.Drafts;

/// <summary>
/// Discourse's draft keys: one draft per member for a new topic, one per topic for a reply, one per post for an edit.
/// </summary>
public static partial class DraftKeys
{
    public const string NewTopic = "new_topic";

    public static string ForTopic(long topicId) => $"topic_{topicId}";

    public static string ForPost(long postId) => $"post_{postId}";

    public static bool IsValid(string? key) => key is not null && KeyPattern().IsMatch(key);

    [GeneratedRegex(@"^(new_topic|topic_[1-9][0-9]{0,17}|post_[1-9][0-9]{0,17})$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
