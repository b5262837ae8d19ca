using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Forum.Tests.Posts;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Moderation;

/// <summary>Each topic action over HTTP: a plain member is refused with 403 and nothing changes; a moderator succeeds and the log says so.</summary>
public sealed class TopicModerationTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private long categoryId;
    private long otherCategoryId;

    private async Task<(long Author, WebSession Member, WebSession Moderator)> CastAsync(string suffix)
    {
        await forum.SetUpAsync($"admin_{suffix}");
        categoryId = await forum.CategoryAsync($"Moderated {suffix}");
        otherCategoryId = await forum.CategoryAsync($"Elsewhere {suffix}");
        var author = await forum.UserAsync($"author_{suffix}");
        await forum.UserAsync($"member_{suffix}");
        await forum.UserAsync($"mod_{suffix}", UserRole.Moderator);
        return (author, await forum.SignedInAsync($"member_{suffix}"), await forum.SignedInAsync($"mod_{suffix}"));
    }

    public static TheoryData<string, string, string, string> Actions => new()
    {
        // handler, form field, value, log action
        { "Close", "Input.Reason", "Heated, cooling off", "topic_closed" },
        { "Archive", "Input.Reason", "", "topic_archived" },
        { "Unlist", "Input.Reason", "", "topic_unlisted" },
        { "Pin", "Input.PinnedUntil", "2099-01-01T12:00", "topic_pinned" },
        { "PinGlobally", "Input.Reason", "", "topic_pinned_globally" },
        { "Timer", "Input.HoursAfterReply", "72", "topic_timer_set" },
        { "SlowMode", "Input.SlowModeMinutes", "15", "slow_mode_set" },
        { "Move", "Input.CategoryId", "OTHER", "topic_moved" },
        { "Rename", "Input.Title", "A calmer title for this thread", "topic_renamed" },
        { "Delete", "Input.Reason", "", "topic_deleted" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_member_is_refused_each_topic_action_and_a_moderator_is_not(string handler, string field, string value, string logAction)
    {
        var suffix = handler.ToLowerInvariant()[..Math.Min(8, handler.Length)];
        var (author, member, moderator) = await CastAsync(suffix);
        var topic = await forum.TopicAsync(author, categoryId, $"Thread to {handler} by the moderators");
        var form = new Dictionary<string, string> { [field] = value == "OTHER" ? otherCategoryId.ToString() : value };
        var before = await forum.TopicStateAsync(topic.Id);

        var memberPage = await member.OpenAsync(UrlOf(topic));
        Assert.Null(memberPage.Document.QuerySelector("#moderation"));
        var refused = await member.PostWithTokenAsync(memberPage, $"/t/{topic.Id}/moderate?handler={handler}", form);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Only moderators can do that.", refused.Errors);
        Assert.Equal(before, await forum.TopicStateAsync(topic.Id));
        Assert.Empty(await moderator.LogAsync(logAction, $"author_{suffix}"));

        var modPage = await moderator.OpenAsync(UrlOf(topic));
        Assert.NotNull(modPage.Document.QuerySelector("#moderation"));
        var done = await moderator.PostWithTokenAsync(modPage, $"/t/{topic.Id}/moderate?handler={handler}", form);
        Assert.True(done.Status == HttpStatusCode.Redirect, $"{handler} answered {(int)done.Status}: {done.Errors}");
        Assert.NotEqual(before, await forum.TopicStateAsync(topic.Id));
        var entry = Assert.Single(await moderator.LogAsync(logAction, $"author_{suffix}"));
        Assert.Contains($"mod_{suffix}", entry);
    }

    [Fact]
    public async Task Closing_shows_a_small_action_in_the_thread_and_reopening_undoes_it()
    {
        var (author, member, moderator) = await CastAsync("close2");
        var topic = await forum.TopicAsync(author, categoryId, "A thread closed and reopened again");
        await forum.ReplyAsync(author, topic.Id, "A reply before the moderator steps in.");
        var page = await moderator.OpenAsync(UrlOf(topic));
        var closed = await moderator.SubmitAndFollowAsync(page, "#close-topic", new Dictionary<string, string> { ["Input.Reason"] = "Off the rails" });
        var action = closed.TextOf(".small-action[data-action=topic_closed]");
        Assert.Contains("Closed by @mod_close2", action);
        Assert.Contains("Reason: Off the rails", action);
        Assert.False(closed.Document.QuerySelector(".topic-closed-notice")!.HasAttribute("hidden"));

        var seen = await member.OpenAsync(UrlOf(topic));
        Assert.Contains("Closed by @mod_close2", seen.TextOf(".small-action"));
        Assert.True(seen.Document.QuerySelector(".composer-wrap")!.HasAttribute("hidden"));

        var reopened = await moderator.SubmitAndFollowAsync(closed, "#close-topic", new Dictionary<string, string>());
        Assert.Contains("Opened by @mod_close2", reopened.TextOf(".small-action[data-action=topic_opened]"));
        Assert.True(reopened.Document.QuerySelector(".topic-closed-notice")!.HasAttribute("hidden"));
        Assert.Single(await moderator.LogAsync("topic_opened", "author_close2"));
    }

    [Fact]
    public async Task Deleting_a_topic_takes_it_out_of_members_lists_and_its_counts_off_the_category_and_restoring_brings_them_back()
    {
        var (author, _, moderator) = await CastAsync("counts");
        var topic = await forum.TopicAsync(author, categoryId, "A thread counted on the categories page");
        await forum.ReplyAsync(author, topic.Id, "One reply, so the category counts two posts.");
        async Task<(string Topics, string Posts)> CountsAsync()
        {
            var row = (await moderator.OpenAsync("/categories")).Document.QuerySelectorAll("tr")
                .Single(r => r.TextContent.Contains("Moderated counts"));
            return (row.QuerySelector(".topics")!.TextContent.Trim(), row.QuerySelector(".posts")!.TextContent.Trim());
        }
        Assert.Equal(("1", "2"), await CountsAsync());

        var page = await moderator.OpenAsync(UrlOf(topic));
        await moderator.PostWithTokenAsync(page, $"/t/{topic.Id}/moderate?handler=Delete", new Dictionary<string, string>());
        Assert.Equal(("0", "0"), await CountsAsync());
        // Staff still find it in the list, greyed out, to restore it; members no longer see it.
        var staffRow = (await moderator.OpenAsync("/latest")).Document.QuerySelector($"tr.topic-list-item[data-topic-id='{topic.Id}']");
        Assert.NotNull(staffRow);
        Assert.Contains("deleted", staffRow.ClassList);
        using var reader = forum.Session();
        Assert.Null((await reader.OpenAsync("/latest")).Document.QuerySelector($"tr.topic-list-item[data-topic-id='{topic.Id}']"));
        await moderator.PostWithTokenAsync(page, $"/t/{topic.Id}/moderate?handler=Restore", new Dictionary<string, string>());
        Assert.Equal(("1", "2"), await CountsAsync());
    }

    [Fact]
    public async Task Delete_topic_asks_first_and_the_deleted_topic_offers_restore()
    {
        var (author, member, moderator) = await CastAsync("askdel");
        var topic = await forum.TopicAsync(author, categoryId, "A thread a moderator nearly deletes");
        var page = await moderator.OpenAsync(UrlOf(topic));
        Assert.Null(page.Document.QuerySelector("form[action$='handler=Delete']"));
        var confirm = await moderator.OpenAsync(page.Document.QuerySelector("a#delete-topic")!.GetAttribute("href")!);
        Assert.Equal("Delete topic", confirm.TextOf("h1"));
        Assert.Contains("Delete the topic A thread a moderator nearly deletes?", confirm.TextOf("form.delete-confirmation"));
        Assert.Null((await moderator.OpenAsync(UrlOf(topic))).Document.QuerySelector(".topic-deleted-notice"));

        var memberConfirm = await member.GetAsync($"/t/{topic.Id}/moderate?handler=Delete");
        Assert.Equal(HttpStatusCode.Forbidden, memberConfirm.Status);
        Assert.Null(memberConfirm.Document.QuerySelector("form.delete-confirmation"));

        var deleted = await moderator.SubmitAndFollowAsync(confirm, "form.delete-confirmation", new Dictionary<string, string>());
        Assert.NotNull(deleted.Document.QuerySelector(".topic-deleted-notice"));
        var restored = await moderator.SubmitAndFollowAsync(deleted, "#restore-topic", new Dictionary<string, string>());
        Assert.Null(restored.Document.QuerySelector(".topic-deleted-notice"));
        Assert.NotNull(restored.Document.QuerySelector("a#delete-topic"));
    }

    [Fact]
    public async Task A_timer_shows_on_the_topic_and_a_past_moment_is_refused()
    {
        var (author, _, moderator) = await CastAsync("timer2");
        var topic = await forum.TopicAsync(author, categoryId, "A thread that will close in a few days");
        var page = await moderator.OpenAsync(UrlOf(topic));
        var inThreeDays = DateTime.UtcNow.AddDays(3).AddMinutes(5).ToString("yyyy-MM-ddTHH:mm");
        var shown = await moderator.SubmitAndFollowAsync(page, "#topic-timer", new Dictionary<string, string> { ["Input.TimerAction"] = "close", ["Input.ExecuteAt"] = inThreeDays });
        Assert.Equal("This topic will close in 3 days.", shown.TextOf(".topic-timer-notice time"));

        var past = await moderator.SubmitAsync(shown, "#topic-timer", new Dictionary<string, string> { ["Input.ExecuteAt"] = "2001-01-01T00:00" });
        Assert.Equal((HttpStatusCode)422, past.Status);
        Assert.Contains("Choose a moment in the future.", past.Errors);

        var cancelled = await moderator.SubmitAndFollowAsync(shown, "#cancel-timer", new Dictionary<string, string>());
        Assert.Null(cancelled.Document.QuerySelector(".topic-timer-notice"));
        Assert.Single(await moderator.LogAsync("topic_timer_cancelled", "author_timer2"));
    }

    [Fact]
    public async Task Global_pins_float_on_latest_until_a_reader_dismisses_them_and_unlisted_topics_leave_the_lists()
    {
        var (author, member, moderator) = await CastAsync("pins");
        var pinned = await forum.TopicAsync(author, categoryId, "Read this first, everyone");
        var unlisted = await forum.TopicAsync(author, categoryId, "Only for those with the link");
        await forum.TopicAsync(author, categoryId, "The newest ordinary thread");

        var page = await moderator.OpenAsync(UrlOf(pinned));
        await moderator.SubmitAndFollowAsync(page, "#pin-topic", new Dictionary<string, string>(), "button[formaction$=PinGlobally]");
        var unlistPage = await moderator.OpenAsync(UrlOf(unlisted));
        await moderator.SubmitAndFollowAsync(unlistPage, "#unlist-topic", new Dictionary<string, string>());

        var latest = await member.OpenAsync("/latest");
        Assert.Equal("Read this first, everyone", latest.TextsOf("tr.topic-list-item .topic-title")[0]);
        Assert.DoesNotContain("Only for those with the link", latest.Text);
        var byLink = await member.OpenAsync(UrlOf(unlisted));
        Assert.Contains("This topic is unlisted", byLink.TextOf(".topic-unlisted-notice"));

        var topicPage = await member.OpenAsync(UrlOf(pinned));
        await member.SubmitAndFollowAsync(topicPage, "#dismiss-pin", new Dictionary<string, string>());
        var afterDismiss = await member.OpenAsync("/latest");
        Assert.NotEqual("Read this first, everyone", afterDismiss.TextsOf("tr.topic-list-item .topic-title")[0]);
        var forModerator = await moderator.OpenAsync("/latest");
        Assert.Equal("Read this first, everyone", forModerator.TextsOf("tr.topic-list-item .topic-title")[0]);
    }

    [Fact]
    public async Task A_pin_until_a_past_moment_is_refused_and_an_expired_pin_stops_floating()
    {
        var (author, member, moderator) = await CastAsync("pinend");
        var topic = await forum.TopicAsync(author, categoryId, "Pinned for a little while only");
        var page = await moderator.OpenAsync(UrlOf(topic));
        var refused = await moderator.SubmitAsync(page, "#pin-topic", new Dictionary<string, string> { ["Input.PinnedUntil"] = "2001-01-01T00:00" });
        Assert.Equal((HttpStatusCode)422, refused.Status);
        Assert.Contains("The pin must end in the future.", refused.Errors);

        var soon = DateTime.UtcNow.AddSeconds(61).ToString("yyyy-MM-ddTHH:mm:ss");
        await moderator.SubmitAndFollowAsync(page, "#pin-topic", new Dictionary<string, string> { ["Input.PinnedUntil"] = soon });
        await forum.TopicAsync(author, categoryId, "A newer thread in the category");
        var category = await member.OpenAsync($"/c/x/{categoryId}");
        Assert.Equal("Pinned for a little while only", category.TextsOf("tr.topic-list-item .topic-title")[0]);
        await using (var conn = new Npgsql.NpgsqlConnection(forum.ConnectionString))
        {
            await conn.OpenAsync();
            await using var age = new Npgsql.NpgsqlCommand($"UPDATE topics SET pinned_until = now() - interval '1 minute' WHERE id = {topic.Id}", conn);
            await age.ExecuteNonQueryAsync();
        }
        var later = await member.OpenAsync($"/c/x/{categoryId}");
        Assert.Equal("A newer thread in the category", later.TextsOf("tr.topic-list-item .topic-title")[0]);
    }

    [Fact]
    public async Task Moving_replies_renumbers_them_at_the_end_of_the_target_and_the_source_keeps_its_numbers()
    {
        var (author, member, moderator) = await CastAsync("merge");
        var source = await forum.TopicAsync(author, categoryId, "A thread that wandered off topic");
        for (var i = 2; i <= 5; i++) await forum.ReplyAsync(author, source.Id, $"Source reply number {i} of the thread.");
        var target = await forum.TopicAsync(author, categoryId, "The thread where that belongs");
        await forum.ReplyAsync(author, target.Id, "Target reply number 2 already here.");

        var tools = await moderator.OpenAsync($"/t/{source.Id}/moderate");
        var memberTry = await member.PostWithTokenAsync(await member.OpenAsync(UrlOf(source)), $"/t/{source.Id}/moderate?handler=Merge",
            new Dictionary<string, string> { ["Input.PostNumbers"] = "3-4", ["Input.TargetTopicId"] = target.Id.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, memberTry.Status);

        var merged = await moderator.SubmitAndFollowAsync(tools, "#merge-posts",
            new Dictionary<string, string> { ["Input.PostNumbers"] = "3-4", ["Input.TargetTopicId"] = target.Id.ToString() });
        Assert.Equal("Source reply number 3 of the thread.", merged.TextOf("#post-3 .cooked"));
        Assert.Equal("Source reply number 4 of the thread.", merged.TextOf("#post-4 .cooked"));
        Assert.Contains("moved 2 replies here", merged.TextOf(".small-action[data-action=posts_moved_in]"));

        var left = await member.OpenAsync(UrlOf(source));
        Assert.Equal([1, 2, 5], left.Document.QuerySelectorAll("article.post").Select(p => int.Parse(p.GetAttribute("data-post-number")!)));
        Assert.Equal("Source reply number 5 of the thread.", left.TextOf("#post-5 .cooked"));
        Assert.Contains("moved 2 replies to another topic", left.TextOf(".small-action[data-action=posts_merged]"));

        var splitTools = await moderator.OpenAsync($"/t/{source.Id}/moderate");
        var split = await moderator.SubmitAndFollowAsync(splitTools, "#split-posts",
            new Dictionary<string, string> { ["Input.PostNumbers"] = "5", ["Input.Title"] = "A new thread split from the old one" });
        Assert.Equal("A new thread split from the old one", split.TextOf("h1.topic-title"));
        Assert.Equal("Source reply number 5 of the thread.", split.TextOf("#post-1 .cooked"));
        Assert.Single(await moderator.LogAsync("posts_merged"));
        Assert.Single(await moderator.LogAsync("posts_split"));
    }
}
