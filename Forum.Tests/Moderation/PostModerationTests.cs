using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Forum.Tests.Posts;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Moderation;

/// <summary>Staff edit, delete, restore and lock anyone's posts; members are refused; each action is logged.</summary>
public sealed class PostModerationTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task A_moderator_edits_deletes_restores_and_locks_a_members_post_and_a_member_cannot()
    {
        await forum.SetUpAsync("admin_posts");
        var categoryId = await forum.CategoryAsync("Post moderation");
        var author = await forum.UserAsync("author_posts");
        await forum.UserAsync("member_posts");
        await forum.UserAsync("mod_posts", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A thread with a reply to moderate");
        await forum.ReplyAsync(author, topic.Id, "The original wording of the reply.");
        using var member = await forum.SignedInAsync("member_posts");
        using var moderator = await forum.SignedInAsync("mod_posts");
        using var authorSession = await forum.SignedInAsync("author_posts");

        var memberPage = await member.OpenAsync(UrlOf(topic));
        var postId = memberPage.PostIdOf(2);
        Assert.Null(memberPage.Document.QuerySelector("#post-2 .lock-post"));
        var lockTry = await member.PostWithTokenAsync(memberPage, $"/p/{postId}/moderate?handler=Lock");
        Assert.Equal(HttpStatusCode.Forbidden, lockTry.Status);
        var editTry = await member.PostWithTokenAsync(memberPage, $"/p/{postId}/edit", new Dictionary<string, string> { ["Input.Raw"] = "A member rewriting someone else.", ["Input.Version"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, editTry.Status);
        var deleteTry = await member.PostWithTokenAsync(memberPage, $"/p/{postId}/delete");
        Assert.Equal(HttpStatusCode.Forbidden, deleteTry.Status);
        Assert.Equal("The original wording of the reply.", (await member.OpenAsync(UrlOf(topic))).TextOf("#post-2 .cooked"));

        // Edit by staff: the revision says who, the log keeps before and after.
        var edit = await moderator.OpenAsync($"/p/{postId}/edit");
        var edited = await moderator.SubmitAndFollowAsync(edit, "form.post-editor", new Dictionary<string, string> { ["Input.Raw"] = "The wording after a moderator's edit." });
        Assert.Equal("The wording after a moderator's edit.", edited.TextOf("#post-2 .cooked"));
        var revisions = await member.OpenAsync($"/p/{postId}/revisions");
        Assert.Equal("mod_posts", revisions.TextOf("#revision-2 .post-author"));
        var editLog = Assert.Single(await moderator.LogAsync("post_edited", "author_posts"));
        Assert.Contains("The original wording of the reply.", editLog);

        // Lock: the author can no longer edit; staff still can.
        var locked = await moderator.SubmitAndFollowAsync(edited, "#post-2 .lock-post", new Dictionary<string, string>());
        Assert.NotNull(locked.Document.QuerySelector("#post-2 .post-locked"));
        var authorEdit = await authorSession.GetAsync($"/p/{postId}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, authorEdit.Status);
        Assert.Contains("A moderator locked this post", authorEdit.TextOf(".refusal-message"));
        Assert.Single(await moderator.LogAsync("post_locked", "author_posts"));

        // Delete and restore.
        var confirm = await moderator.OpenAsync(locked.Document.QuerySelector("#post-2 a.delete-post")!.GetAttribute("href")!);
        var deleted = await moderator.SubmitAndFollowAsync(confirm, "form.delete-confirmation", new Dictionary<string, string>());
        Assert.Contains("deleted", deleted.Document.QuerySelector("#post-2")!.ClassList);
        var restoreTry = await member.PostWithTokenAsync(memberPage, $"/p/{postId}/moderate?handler=Restore");
        Assert.Equal(HttpStatusCode.Forbidden, restoreTry.Status);
        Assert.Equal("This post was deleted.", (await member.OpenAsync(UrlOf(topic))).TextOf("#post-2 .post-deleted-notice"));
        var restored = await moderator.SubmitAndFollowAsync(deleted, "#post-2 .restore-post", new Dictionary<string, string>());
        Assert.DoesNotContain("deleted", restored.Document.QuerySelector("#post-2")!.ClassList);
        Assert.Single(await moderator.LogAsync("post_deleted", "author_posts"));
        Assert.Single(await moderator.LogAsync("post_restored", "author_posts"));
    }
}
