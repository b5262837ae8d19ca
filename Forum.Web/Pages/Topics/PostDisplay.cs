using Forum.Core.Permissions;
using Forum.Core.Topics;

namespace Forum.Web.Pages.Topics;

/// <summary>What the reader may do with one post, asked of the Guardian once; the _Post partial only reads it.</summary>
public sealed record PostPermissions(bool CanSeeText, bool CanReply, bool CanQuote, bool CanLike, bool CanEdit, bool CanDelete, bool CanRestore, bool CanFlag, bool CanModerate)
{
    public static PostPermissions For(Guardian guardian, TopicFacts topic, PostView post)
    {
        var facts = post.Facts;
        return new PostPermissions(
            CanSeeText: guardian.CanSeePostText(facts) is null,
            CanReply: guardian.CanReply(topic) is null,
            CanQuote: guardian.CanQuote(topic, facts) is null,
            CanLike: guardian.CanLike(facts) is null,
            CanEdit: guardian.CanEdit(topic, facts) is null,
            CanDelete: guardian.CanDelete(topic, facts) is null,
            CanRestore: guardian.CanRestore(facts) is null,
            CanFlag: guardian.CanFlag(facts) is null,
            CanModerate: guardian.CanModerate() is null);
    }
}

/// <summary>One post as the _Post partial renders it, on a topic page and in live updates.</summary>
public sealed record PostDisplay(PostView Post, TopicHeader Topic, PostPermissions Can)
{
    public string Url => $"/t/{Topic.Slug}/{Topic.Id}/{Post.PostNumber}";

    public static IReadOnlyList<PostDisplay> For(TopicPage page, Guardian guardian) =>
        page.Posts.Select(post => new PostDisplay(post, page.Topic, PostPermissions.For(guardian, page.Facts, post))).ToList();
}
