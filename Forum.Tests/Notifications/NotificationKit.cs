using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Groups;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Tests.Notifications;

/// <summary>Set-up and look-ups the notification tests share, all through the forum's own services and stores.</summary>
internal static class NotificationKit
{
    private static readonly Viewer Admin = new(0, UserRole.Admin);

    public static async Task<IReadOnlyList<Notification>> NotificationsOfAsync(this ForumApp forum, long userId) =>
        (await forum.Get<INotificationStore>().ListAsync(userId, null, 100, default)).Items;

    /// <summary>Ages the account past the new-account period, so the full mention limit applies.</summary>
    public static async Task AgeAccountAsync(this ForumApp forum, long userId)
    {
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE users SET created_at = now() - interval '30 days' WHERE id = @userId", new { userId });
    }

    public static Task<long> GroupAsync(this ForumApp forum, string name, bool mentionable, params string[] members) =>
        forum.InScopeAsync(async sp =>
        {
            var groups = sp.GetRequiredService<GroupService>();
            var id = (await groups.CreateAsync(Admin, name, default)).Value;
            foreach (var member in members) Assert.True((await groups.AddMemberAsync(Admin, id, member, default)).Succeeded);
            if (mentionable) Assert.True((await groups.SetMentionableAsync(Admin, id, true, default)).Succeeded);
            return id;
        });

    public static Task<PostLocation> EditAsync(this ForumApp forum, long editorId, long postId, string raw) =>
        forum.InScopeAsync(async sp =>
        {
            var viewer = new Viewer(editorId, UserRole.Member);
            var post = await sp.GetRequiredService<IPostStore>().FindForEditAsync(postId, viewer, default);
            var outcome = await sp.GetRequiredService<PostEditService>().EditAsync(viewer, postId, post!.Version, raw, default);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value!;
        });

    public static Task<long> FirstPostIdAsync(this ForumApp forum, long topicId) =>
        forum.InScopeAsync(async sp => (await sp.GetRequiredService<IPostStore>().FindByNumberAsync(topicId, 1, new Viewer(0, UserRole.Admin), default))!.Id);

    public static Task LikeAsync(this ForumApp forum, long likerId, long postId) =>
        forum.InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<PostEditService>().LikeAsync(new Viewer(likerId, UserRole.Member), postId, true, default);
            Assert.True(outcome.Succeeded);
            return true;
        });

    public static Task SetTopicLevelAsync(this ForumApp forum, long userId, long topicId, NotificationLevel level) =>
        forum.InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<NotificationService>().SetTopicLevelAsync(new Viewer(userId, UserRole.Member), topicId, (int)level, default);
            Assert.True(outcome.Succeeded);
            return true;
        });

    public static Task SetCategoryLevelAsync(this ForumApp forum, long userId, long categoryId, NotificationLevel level) =>
        forum.InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<NotificationService>().SetCategoryLevelAsync(new Viewer(userId, UserRole.Member), categoryId, (int)level, default);
            Assert.True(outcome.Succeeded);
            return true;
        });
}
