using Forum.Core.Accounts;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Moderation;

internal static class ModerationKit
{
    public static async Task<WebSession> SignedInAsync(this ForumApp forum, string username)
    {
        var session = forum.Session();
        await session.LogInAsync(username);
        return session;
    }

    public static string UrlOf(CreatedTopic topic) => $"/t/{topic.Slug}/{topic.Id}";

    /// <summary>Everything a moderator can change about a topic, as staff read it, in one comparable value.</summary>
    public static Task<string> TopicStateAsync(this ForumApp forum, long topicId) =>
        forum.InScopeAsync(async sp =>
        {
            var page = await sp.GetRequiredService<ITopicStore>().GetPageAsync(topicId, new Viewer(-1, UserRole.Admin), 1, 0, default);
            var t = page!.Topic;
            return $"{t.Title}|{t.CategoryId}|closed={t.IsClosed}|pinned={t.IsPinned}|deleted={t.IsDeleted}|{page.Moderation with { IsPinDismissed = false }}";
        });

    /// <summary>The staff action log as the given staff session sees it, filtered by action.</summary>
    public static async Task<IReadOnlyList<string>> LogAsync(this WebSession staff, string action, string? target = null)
    {
        var page = await staff.OpenAsync($"/admin/logs?action={action}" + (target is null ? "" : $"&target={target}"));
        return page.Document.QuerySelectorAll("tr.log-entry").Select(row => row.TextContent.Trim()).ToList();
    }
}
