using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Moderation;

/// <summary>Flag → review queue → agree → the post is hidden for others; enough flags hide it before review.</summary>
public sealed class ReviewQueueTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task A_flagged_post_reaches_the_queue_and_agreeing_hides_it_for_other_readers()
    {
        await forum.SetUpAsync("admin_review");
        var categoryId = await forum.CategoryAsync("Reviewed");
        var author = await forum.UserAsync("author_review");
        await forum.UserAsync("flagger_review");
        await forum.UserAsync("reader_review");
        await forum.UserAsync("mod_review", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A thread with a rude reply in it");
        await forum.ReplyAsync(author, topic.Id, "Something rude that should not stay.");

        using var flagger = await forum.SignedInAsync("flagger_review");
        var page = await flagger.OpenAsync(UrlOf(topic));
        var flagForm = await flagger.OpenAsync(page.Document.QuerySelector("#post-2 .flag-post")!.GetAttribute("href")!);
        var missing = await flagger.SubmitAsync(flagForm, "form.flag-form", new Dictionary<string, string> { ["Input.Reason"] = "Other" });
        Assert.Equal((HttpStatusCode)422, missing.Status);
        Assert.Contains("Say what is wrong with this post.", missing.Errors);
        var flagged = await flagger.SubmitAsync(flagForm, "form.flag-form", new Dictionary<string, string> { ["Input.Reason"] = "Inappropriate" });
        Assert.Equal(HttpStatusCode.OK, flagged.Status);
        Assert.Contains("Staff will review this post.", flagged.TextOf(".flag-done"));

        using var reader = await forum.SignedInAsync("reader_review");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/review")).Status);

        using var moderator = await forum.SignedInAsync("mod_review");
        var queue = await moderator.OpenAsync("/review");
        var item = queue.Document.QuerySelector(".review-item")!;
        Assert.Contains("Something rude that should not stay.", item.TextContent);
        Assert.Contains("inappropriate", item.QuerySelector(".review-flags")!.TextContent);
        var afterAgree = await moderator.SubmitAndFollowAsync(queue, ".review-agree", new Dictionary<string, string>());
        Assert.Equal("Nothing to review.", afterAgree.TextOf("main .empty"));

        var hidden = await reader.OpenAsync(UrlOf(topic));
        Assert.Equal("This post is hidden pending review.", hidden.TextOf("#post-2 .post-hidden-notice"));
        Assert.DoesNotContain("Something rude", hidden.Text);
        var staffView = await moderator.OpenAsync(UrlOf(topic));
        Assert.Equal("Something rude that should not stay.", staffView.TextOf("#post-2 .cooked"));
        Assert.Single(await moderator.LogAsync("flag_agreed", "author_review"));

        using var authorSession = await forum.SignedInAsync("author_review");
        var notice = (await authorSession.OpenAsync("/notifications")).Document.QuerySelector("main li.notification a")!;
        Assert.StartsWith("A moderator hid your post in", notice.TextContent.Trim());
        Assert.EndsWith("#post-2", (await authorSession.GetAsync(notice.GetAttribute("href")!)).Location);
    }

    [Fact]
    public async Task Three_flags_from_distinct_members_hide_a_post_until_a_moderator_disagrees()
    {
        await forum.SetUpAsync("admin_three");
        var categoryId = await forum.CategoryAsync("Flagged thrice");
        var author = await forum.UserAsync("author_three");
        var topic = await forum.TopicAsync(author, categoryId, "A thread with a contested reply");
        await forum.ReplyAsync(author, topic.Id, "An opinion some members dislike.");
        await forum.UserAsync("mod_three", UserRole.Moderator);
        await forum.UserAsync("reader_three");
        using var reader = await forum.SignedInAsync("reader_three");

        for (var i = 1; i <= 3; i++)
        {
            await forum.UserAsync($"flagger{i}_three");
            using var flagger = await forum.SignedInAsync($"flagger{i}_three");
            var page = await flagger.OpenAsync(UrlOf(topic));
            var form = await flagger.OpenAsync($"/p/{page.Document.QuerySelector("#post-2")!.GetAttribute("data-post-id")}/flag");
            await flagger.SubmitAsync(form, "form.flag-form", new Dictionary<string, string> { ["Input.Reason"] = "OffTopic" });
            // Flagging twice counts once.
            await flagger.SubmitAsync(form, "form.flag-form", new Dictionary<string, string> { ["Input.Reason"] = "Spam" });
            var seen = await reader.OpenAsync(UrlOf(topic));
            Assert.Equal(i == 3, seen.Document.QuerySelector("#post-2 .post-hidden-notice") is not null);
        }

        using var moderator = await forum.SignedInAsync("mod_three");
        var queue = await moderator.OpenAsync("/review");
        Assert.Contains("3 flags", queue.TextOf(".review-item .review-flags"));
        await moderator.SubmitAndFollowAsync(queue, ".review-disagree", new Dictionary<string, string>());
        var shown = await reader.OpenAsync(UrlOf(topic));
        Assert.Equal("An opinion some members dislike.", shown.TextOf("#post-2 .cooked"));
        Assert.Single(await moderator.LogAsync("flag_disagreed", "author_three"));
    }
}
