using System.Net;
using Forum.Core.Accounts;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Posts;

public sealed class DeleteAndLikeTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<long> CategoryAsync(string name)
    {
        await forum.SetUpAsync($"admin{Guid.NewGuid():N}"[..16]);
        return await forum.CategoryAsync(name + " " + Guid.NewGuid().ToString("N")[..6]);
    }

    private static string TopicUrl(CreatedTopic topic) => $"/t/{topic.Slug}/{topic.Id}";

    private async Task<WebSession> SignedInAsync(string username)
    {
        var session = forum.Session();
        await session.LogInAsync(username);
        return session;
    }

    [Fact]
    public async Task An_author_deletes_a_reply_and_readers_see_that_it_was_deleted()
    {
        var categoryId = await CategoryAsync("Deletes");
        var ana = await forum.UserAsync("ana_d");
        var bruno = await forum.UserAsync("bruno_d");
        await forum.UserAsync("mod_d", UserRole.Moderator);
        var topic = await forum.TopicAsync(ana, categoryId, "A thread with a regretted reply");
        await forum.ReplyAsync(bruno, topic.Id, "Something Bruno would rather take back.");

        using var brunoSession = await SignedInAsync("bruno_d");
        var read = await brunoSession.OpenAsync(TopicUrl(topic));
        var postId = read.PostIdOf(2);
        var confirm = await brunoSession.OpenAsync(read.Document.QuerySelector("#post-2 a.delete-post")!.GetAttribute("href")!);
        var deleted = await brunoSession.SubmitAndFollowAsync(confirm, "form.delete-confirmation", new Dictionary<string, string>());
        Assert.Equal(TopicUrl(topic) + "/2", deleted.Url);
        Assert.Contains("deleted", deleted.Document.QuerySelector("#post-2")!.ClassList);
        Assert.Equal("This post was deleted.", deleted.TextOf("#post-2 .post-deleted-notice"));
        Assert.Null(deleted.Document.QuerySelector("#post-2 .cooked"));
        // The author's only action left on it is taking the deletion back.
        Assert.Equal("Undo", Assert.Single(deleted.Document.QuerySelectorAll("#post-2 form button")).TextContent.Trim());

        using var guest = forum.Session();
        var guestView = await guest.OpenAsync(TopicUrl(topic));
        Assert.Equal("This post was deleted.", guestView.TextOf("#post-2 .post-deleted-notice"));
        Assert.Null(guestView.Document.QuerySelector("#post-2 form"));
        Assert.DoesNotContain("rather take back", guestView.Text);

        using var moderator = await SignedInAsync("mod_d");
        var staffView = await moderator.OpenAsync(TopicUrl(topic));
        Assert.Contains("deleted", staffView.Document.QuerySelector("#post-2")!.ClassList);
        Assert.Equal("Something Bruno would rather take back.", staffView.TextOf("#post-2 .cooked"));

        var edit = await brunoSession.GetAsync($"/p/{postId}/edit");
        Assert.Equal(HttpStatusCode.Conflict, edit.Status);
        Assert.Contains("This post was deleted, so it can no longer be edited.", edit.TextOf(".refusal-message"));
        var editPost = await brunoSession.PostWithTokenAsync(deleted, $"/p/{postId}/edit", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Trying to bring the text back by editing.", ["Input.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Conflict, editPost.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await brunoSession.GetAsync($"/p/{postId}/revisions")).Status);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/p/{postId}/revisions")).Status);

        var again = await brunoSession.PostWithTokenAsync(deleted, $"/p/{postId}/delete");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
    }

    [Fact]
    public async Task The_delete_address_asks_before_deleting()
    {
        var categoryId = await CategoryAsync("Confirm");
        var ana = await forum.UserAsync("ana_k");
        var bruno = await forum.UserAsync("bruno_k");
        var topic = await forum.TopicAsync(ana, categoryId, "Deleting by following a link");
        await forum.ReplyAsync(bruno, topic.Id, "A reply removed through the confirmation page.");

        using var brunoSession = await SignedInAsync("bruno_k");
        var postId = (await brunoSession.OpenAsync(TopicUrl(topic))).PostIdOf(2);
        var confirm = await brunoSession.OpenAsync($"/p/{postId}/delete");
        Assert.Contains("Delete post #2", confirm.TextOf("form.delete-confirmation"));
        Assert.Null((await brunoSession.OpenAsync(TopicUrl(topic))).Document.QuerySelector("#post-2 .post-deleted-notice"));

        var deleted = await brunoSession.SubmitAndFollowAsync(confirm, "form.delete-confirmation", new Dictionary<string, string>());
        Assert.Equal("This post was deleted.", deleted.TextOf("#post-2 .post-deleted-notice"));
    }

    [Fact]
    public async Task Delete_asks_first_then_the_author_undoes_it_and_another_member_cannot()
    {
        var categoryId = await CategoryAsync("Undo");
        var ana = await forum.UserAsync("ana_u");
        var bruno = await forum.UserAsync("bruno_u");
        await forum.UserAsync("carla_u");
        var topic = await forum.TopicAsync(ana, categoryId, "A reply deleted by mistake");
        await forum.ReplyAsync(bruno, topic.Id, "Bruno's reply that he deletes by mistake.");

        using var brunoSession = await SignedInAsync("bruno_u");
        var read = await brunoSession.OpenAsync(TopicUrl(topic));
        var postId = read.PostIdOf(2);
        // The topic page's Delete is a link to a page that asks; following it deletes nothing.
        Assert.Null(read.Document.QuerySelector("#post-2 form[action$='/delete']"));
        var confirm = await brunoSession.OpenAsync(read.Document.QuerySelector("#post-2 a.delete-post")!.GetAttribute("href")!);
        Assert.Equal("Delete post", confirm.TextOf("h1"));
        Assert.Contains("Delete post #2 in A reply deleted by mistake?", confirm.TextOf("form.delete-confirmation"));
        Assert.Equal(TopicUrl(topic) + "/2#post-2", confirm.Document.QuerySelector("form.delete-confirmation a.button")!.GetAttribute("href"));
        Assert.Null((await brunoSession.OpenAsync(TopicUrl(topic))).Document.QuerySelector("#post-2 .post-deleted-notice"));

        var deleted = await brunoSession.SubmitAndFollowAsync(confirm, "form.delete-confirmation", new Dictionary<string, string>());
        Assert.Equal("This post was deleted.", deleted.TextOf("#post-2 .post-deleted-notice"));

        using var carla = await SignedInAsync("carla_u");
        var carlaView = await carla.OpenAsync(TopicUrl(topic));
        Assert.Null(carlaView.Document.QuerySelector("#post-2 .restore-post"));
        var carlaTry = await carla.PostWithTokenAsync(carlaView, $"/p/{postId}/delete?handler=Undo");
        Assert.Equal(HttpStatusCode.Forbidden, carlaTry.Status);
        Assert.Contains("You can only restore your own posts.", carlaTry.TextOf(".refusal-message"));
        Assert.Equal("This post was deleted.", (await carla.OpenAsync(TopicUrl(topic))).TextOf("#post-2 .post-deleted-notice"));

        var undone = await brunoSession.SubmitAndFollowAsync(deleted, "#post-2 .restore-post", new Dictionary<string, string>());
        Assert.Equal(TopicUrl(topic) + "/2", undone.Url);
        Assert.DoesNotContain("deleted", undone.Document.QuerySelector("#post-2")!.ClassList);
        Assert.Equal("Bruno's reply that he deletes by mistake.", undone.TextOf("#post-2 .cooked"));
        Assert.Equal("Bruno's reply that he deletes by mistake.", (await carla.OpenAsync(TopicUrl(topic))).TextOf("#post-2 .cooked"));
    }

    [Fact]
    public async Task An_author_cannot_undo_a_deletion_made_by_a_moderator()
    {
        var categoryId = await CategoryAsync("StaffDelete");
        var ana = await forum.UserAsync("ana_s");
        var bruno = await forum.UserAsync("bruno_s");
        await forum.UserAsync("mod_s", UserRole.Moderator);
        var topic = await forum.TopicAsync(ana, categoryId, "A reply a moderator removes");
        await forum.ReplyAsync(bruno, topic.Id, "A reply that breaks the forum's rules.");

        using var moderator = await SignedInAsync("mod_s");
        var modView = await moderator.OpenAsync(TopicUrl(topic));
        var postId = modView.PostIdOf(2);
        var confirm = await moderator.OpenAsync(modView.Document.QuerySelector("#post-2 a.delete-post")!.GetAttribute("href")!);
        var deleted = await moderator.SubmitAndFollowAsync(confirm, "form.delete-confirmation", new Dictionary<string, string>());
        Assert.Equal("Restore", deleted.TextOf("#post-2 .restore-post button"));

        using var brunoSession = await SignedInAsync("bruno_s");
        var brunoView = await brunoSession.OpenAsync(TopicUrl(topic));
        Assert.Equal("This post was deleted.", brunoView.TextOf("#post-2 .post-deleted-notice"));
        Assert.Null(brunoView.Document.QuerySelector("#post-2 .restore-post"));
        var brunoTry = await brunoSession.PostWithTokenAsync(brunoView, $"/p/{postId}/delete?handler=Undo");
        Assert.Equal(HttpStatusCode.Forbidden, brunoTry.Status);
        Assert.Contains("A moderator deleted this post; only staff can restore it.", brunoTry.TextOf(".refusal-message"));
        Assert.Equal("This post was deleted.", (await brunoSession.OpenAsync(TopicUrl(topic))).TextOf("#post-2 .post-deleted-notice"));
    }

    [Fact]
    public async Task Members_cannot_delete_others_posts_nor_the_first_post_of_their_topic()
    {
        var categoryId = await CategoryAsync("Refusals");
        var ana = await forum.UserAsync("ana_f");
        var bruno = await forum.UserAsync("bruno_f");
        var topic = await forum.TopicAsync(ana, categoryId, "The opening post must stay");
        await forum.ReplyAsync(bruno, topic.Id, "A reply that is not Ana's to delete.");

        using var anaSession = await SignedInAsync("ana_f");
        var read = await anaSession.OpenAsync(TopicUrl(topic));
        Assert.Null(read.Document.QuerySelector("#post-1 .delete-post"));
        Assert.Null(read.Document.QuerySelector("#post-2 .delete-post"));

        var others = await anaSession.PostWithTokenAsync(read, $"/p/{read.PostIdOf(2)}/delete");
        Assert.Equal(HttpStatusCode.Forbidden, others.Status);
        Assert.Contains("You can only delete your own posts.", others.TextOf(".refusal-message"));

        var first = await anaSession.PostWithTokenAsync(read, $"/p/{read.PostIdOf(1)}/delete");
        Assert.Equal(HttpStatusCode.Forbidden, first.Status);
        Assert.Contains("The first post of a topic cannot be deleted.", first.TextOf(".refusal-message"));

        var after = await anaSession.OpenAsync(TopicUrl(topic));
        Assert.Empty(after.Document.QuerySelectorAll("article.post.deleted"));
        Assert.Equal("A reply that is not Ana's to delete.", after.TextOf("#post-2 .cooked"));
    }

    [Fact]
    public async Task Members_like_and_unlike_each_others_posts_once_each()
    {
        var categoryId = await CategoryAsync("Likes");
        var ana = await forum.UserAsync("ana_l");
        await forum.UserAsync("bruno_l");
        await forum.UserAsync("carla_l");
        var topic = await forum.TopicAsync(ana, categoryId, "A proposal worth a like");

        using var bruno = await SignedInAsync("bruno_l");
        var before = await bruno.OpenAsync(TopicUrl(topic));
        Assert.Equal("0", before.TextOf("#post-1 .like-count"));
        var liked = await bruno.SubmitAndFollowAsync(before, "#post-1 form[action$='/like']", new Dictionary<string, string>());
        Assert.Equal(TopicUrl(topic) + "/1", liked.Url);
        Assert.Equal("1", liked.TextOf("#post-1 .like-count"));
        Assert.Contains("liked", liked.Document.QuerySelector("#post-1 button.like")!.ClassList);
        Assert.Contains("Unlike", liked.TextOf("#post-1 button.like"));
        Assert.EndsWith("· 1 like", liked.TextOf(".topic-stats"));

        // The stale page still offers "Like": sending it again must not count twice.
        var twice = await bruno.SubmitAndFollowAsync(before, "#post-1 form[action$='/like']", new Dictionary<string, string>());
        Assert.Equal("1", twice.TextOf("#post-1 .like-count"));

        using var carla = await SignedInAsync("carla_l");
        var carlaLiked = await carla.SubmitAndFollowAsync(await carla.OpenAsync(TopicUrl(topic)), "#post-1 form[action$='/like']", new Dictionary<string, string>());
        Assert.Equal("2", carlaLiked.TextOf("#post-1 .like-count"));

        var unliked = await bruno.SubmitAndFollowAsync(twice, "#post-1 form[action$='/like']", new Dictionary<string, string>());
        Assert.Equal("1", unliked.TextOf("#post-1 .like-count"));
        Assert.Contains("Like", unliked.TextOf("#post-1 button.like"));
        Assert.DoesNotContain("liked", unliked.Document.QuerySelector("#post-1 button.like")!.ClassList);
        Assert.EndsWith("· 1 like", unliked.TextOf(".topic-stats"));

        var unlikedAgain = await bruno.PostWithTokenAsync(unliked, $"/p/{unliked.PostIdOf(1)}/like", new Dictionary<string, string> { ["liked"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, unlikedAgain.Status);
        Assert.Equal("1", (await bruno.OpenAsync(TopicUrl(topic))).TextOf("#post-1 .like-count"));
    }

    [Fact]
    public async Task Nobody_likes_their_own_post_and_a_deleted_post_takes_no_likes()
    {
        var categoryId = await CategoryAsync("Own likes");
        var ana = await forum.UserAsync("ana_o");
        var bruno = await forum.UserAsync("bruno_o");
        var topic = await forum.TopicAsync(ana, categoryId, "Liking my own words is not allowed");
        await forum.ReplyAsync(bruno, topic.Id, "A reply Bruno will delete shortly.");

        using var anaSession = await SignedInAsync("ana_o");
        var read = await anaSession.OpenAsync(TopicUrl(topic));
        Assert.Null(read.Document.QuerySelector("#post-1 form[action$='/like']"));
        Assert.Equal("0", read.TextOf("#post-1 .like-count-only .like-count"));
        var own = await anaSession.PostWithTokenAsync(read, $"/p/{read.PostIdOf(1)}/like", new Dictionary<string, string> { ["liked"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, own.Status);
        Assert.Contains("You cannot like your own post.", own.TextOf(".refusal-message"));

        using var brunoSession = await SignedInAsync("bruno_o");
        var brunoRead = await brunoSession.OpenAsync(TopicUrl(topic));
        await brunoSession.SubmitAndFollowAsync(await brunoSession.OpenAsync($"/p/{brunoRead.PostIdOf(2)}/delete"), "form.delete-confirmation", new Dictionary<string, string>());
        var onDeleted = await anaSession.SubmitAsync(read, "#post-2 form[action$='/like']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, onDeleted.Status);
        Assert.Contains("This post was deleted, so it can no longer be liked.", onDeleted.TextOf(".refusal-message"));

        var after = await anaSession.OpenAsync(TopicUrl(topic));
        Assert.Equal("0", after.TextOf("#post-1 .like-count"));
        Assert.Contains("0 likes", after.TextOf(".topic-stats"));
    }
}
