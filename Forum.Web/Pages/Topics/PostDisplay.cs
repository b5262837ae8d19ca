using Forum.Core.Topics;

namespace Forum.Web.Pages.Topics;

/// <summary>One post as the _Post partial renders it, on a topic page and in live updates.</summary>
public sealed record PostDisplay(PostView Post, TopicHeader Topic)
{
    public string Url => $"/t/{Topic.Slug}/{Topic.Id}/{Post.PostNumber}";
}
