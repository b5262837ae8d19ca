using System.Net;
using Dapper;
using Forum.Core.Notifications;
using Forum.Tests.Infrastructure;
using Forum.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Tests.Notifications;

/// <summary>The loop through the pages, without JavaScript: mentioned, notified, back to the first unread post.</summary>
public sealed class NotificationPageTests(ForumApp forum) : IClassFixture<ForumApp>, IAsyncLifetime
{
    private long categoryId;
    private string categorySlug = "";

    public async Task InitializeAsync()
    {
        await forum.SetUpAsync($"admin{Guid.NewGuid():N}"[..16]);
        var name = "Assembly " + Guid.NewGuid().ToString("N")[..6];
        categoryId = await forum.CategoryAsync(name);
        categorySlug = Core.Topics.Slug.For(name);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static AngleSharp.Dom.IElement Row(WebSession.Page latest, string title) =>
        latest.Document.QuerySelectorAll("tr.topic-list-item").Single(r => r.TextContent.Contains(title));

    [Fact]
    public async Task A_mentioned_member_sees_the_count_follows_the_link_to_the_post_and_reads_the_topic_down()
    {
        var ana = await forum.UserAsync("ana");
        await forum.UserAsync("neto");
        using var neto = forum.Session();
        await neto.LogInAsync("neto");

        // Neto tracks the topics he starts instead of watching them, so only the mention notifies him.
        var preferences = await neto.OpenAsync("/my/preferences");
        await neto.SubmitAndFollowAsync(preferences, "form.notification-preferences", new Dictionary<string, string> { ["OnCreate"] = "2" });
        var form = await neto.OpenAsync($"/new-topic?category={categoryId}");
        var topicPage = await neto.SubmitAndFollowAsync(form, "form.composer", new Dictionary<string, string>
        {
            ["Input.Title"] = "Agenda for the general assembly",
            ["Input.Raw"] = "Please add your points to the agenda below.",
        });
        var topicId = long.Parse(topicPage.Document.QuerySelector("article.topic")!.GetAttribute("data-topic-id")!);
        for (var n = 2; n <= 25; n++)
            await forum.ReplyAsync(ana, topicId, n == 23 ? "A point for @neto: the budget vote." : $"Agenda point number {n} from ana.");

        var latest = await neto.OpenAsync("/latest");
        Assert.Equal("1", latest.TextOf(".notification-menu .unread-count"));
        var row = Row(latest, "Agenda for the general assembly");
        Assert.Equal("24", row.QuerySelector(".unread-posts")!.TextContent.Trim());
        var firstUnread = row.QuerySelector("a.topic-title")!.GetAttribute("href")!;
        Assert.Equal($"/t/agenda-for-the-general-assembly/{topicId}/2", firstUnread);

        // Opening the topic from the list shows posts 1-20: those are read, five remain.
        var firstPage = await neto.OpenAsync(firstUnread);
        Assert.NotNull(firstPage.Document.QuerySelector("#post-2"));
        row = Row(await neto.OpenAsync("/latest"), "Agenda for the general assembly");
        Assert.Equal("5", row.QuerySelector(".unread-posts")!.TextContent.Trim());
        Assert.EndsWith($"/{topicId}/21", row.QuerySelector("a.topic-title")!.GetAttribute("href"));

        // The notification names who and where, and lands on the post itself.
        var notifications = await neto.OpenAsync("/notifications");
        var mention = notifications.Document.QuerySelector(".notifications-page .notification.unread a")!;
        Assert.Equal("ana mentioned you in Agenda for the general assembly", mention.TextContent.Trim());
        var landing = await neto.GetAsync(mention.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.Redirect, landing.Status);
        Assert.Equal($"/t/agenda-for-the-general-assembly/{topicId}/23#post-23", landing.Location);
        var post = await neto.OpenAsync(landing.Location!);
        Assert.Contains("the budget vote", post.TextOf("#post-23 .cooked"));
        Assert.Equal("23", post.Document.QuerySelector("article.topic")!.GetAttribute("data-target-post"));
        Assert.True(post.Document.QuerySelector(".notification-menu .unread-count")!.HasAttribute("hidden"));

        row = Row(await neto.OpenAsync("/latest"), "Agenda for the general assembly");
        Assert.Null(row.QuerySelector(".unread-posts"));
        Assert.Equal($"/t/agenda-for-the-general-assembly/{topicId}", row.QuerySelector("a.topic-title")!.GetAttribute("href"));
        var read = await neto.OpenAsync("/notifications");
        Assert.Empty(read.Document.QuerySelectorAll(".notifications-page .notification.unread"));
        Assert.Single(read.Document.QuerySelectorAll(".notifications-page .notification"));
    }

    [Fact]
    public async Task Mark_all_read_clears_the_count_and_keeps_the_list()
    {
        var author = await forum.UserAsync("berta");
        await forum.UserAsync("cesar");
        var topic = await forum.TopicAsync(author, categoryId, "Two mentions to clear at once");
        await forum.ReplyAsync(author, topic.Id, "First call for @cesar today.");
        await forum.ReplyAsync(author, topic.Id, "Second call for @cesar today.");
        using var cesar = forum.Session();
        await cesar.LogInAsync("cesar");

        var page = await cesar.OpenAsync("/notifications");
        Assert.Equal("2", page.TextOf(".notification-menu .unread-count"));
        var cleared = await cesar.SubmitAndFollowAsync(page, "form.mark-all-read", new Dictionary<string, string>());

        Assert.True(cleared.Document.QuerySelector(".notification-menu .unread-count")!.HasAttribute("hidden"));
        Assert.Equal(2, cleared.Document.QuerySelectorAll(".notifications-page .notification").Length);
        Assert.Empty(cleared.Document.QuerySelectorAll(".notifications-page .notification.unread"));
    }

    [Fact]
    public async Task Muted_topics_and_categories_are_left_out_of_latest()
    {
        var author = await forum.UserAsync("dora");
        await forum.UserAsync("emil");
        var topic = await forum.TopicAsync(author, categoryId, "A topic emil does not care about");
        var mutedName = "Noisy " + Guid.NewGuid().ToString("N")[..6];
        var noisy = await forum.CategoryAsync(mutedName);
        await forum.TopicAsync(author, noisy, "Chatter in the noisy category");
        using var emil = forum.Session();
        await emil.LogInAsync("emil");

        var topicPage = await emil.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        var afterMute = await emil.SubmitAndFollowAsync(topicPage, "form.notification-level-form", new Dictionary<string, string> { ["level"] = "0" });
        Assert.Equal("0", afterMute.Document.QuerySelector("form.notification-level-form")!.GetAttribute("data-level"));
        var categoryPage = await emil.OpenAsync($"/c/{Core.Topics.Slug.For(mutedName)}/{noisy}");
        var mutedCategory = await emil.SubmitAndFollowAsync(categoryPage, "form.notification-level-form", new Dictionary<string, string> { ["level"] = "0" });

        var latest = await emil.OpenAsync("/latest");
        Assert.DoesNotContain("A topic emil does not care about", latest.Text);
        Assert.DoesNotContain("Chatter in the noisy category", latest.Text);
        Assert.Contains("Chatter in the noisy category", mutedCategory.TextOf(".topic-list"));
        using var guest = forum.Session();
        var guestLatest = await guest.OpenAsync("/latest");
        Assert.Contains("A topic emil does not care about", guestLatest.Text);
    }

    [Fact]
    public async Task A_bad_level_is_refused_with_a_message()
    {
        var author = await forum.UserAsync("fritz");
        var topic = await forum.TopicAsync(author, categoryId, "Levels must be one of four");
        using var fritz = forum.Session();
        await fritz.LogInAsync("fritz");
        var page = await fritz.OpenAsync($"/t/{topic.Slug}/{topic.Id}");

        var answer = await fritz.SubmitAsync(page, "form.notification-level-form", new Dictionary<string, string> { ["level"] = "7" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Choose a notification level.", answer.Errors);
    }

    [Fact]
    public async Task Topics_that_appeared_since_the_last_visit_are_new_until_opened()
    {
        var author = await forum.UserAsync("greta");
        await forum.TopicAsync(author, categoryId, "Written before hugo joined");
        await forum.UserAsync("hugo");
        var fresh = await forum.TopicAsync(author, categoryId, "Written after hugo joined");
        using var hugo = forum.Session();
        await hugo.LogInAsync("hugo");

        var latest = await hugo.OpenAsync("/latest");
        var freshRow = Row(latest, "Written after hugo joined");
        var oldRow = Row(latest, "Written before hugo joined");
        Assert.NotNull(freshRow.QuerySelector(".new-topic"));
        Assert.Null(oldRow.QuerySelector(".new-topic"));

        await hugo.OpenAsync($"/t/{fresh.Slug}/{fresh.Id}");
        freshRow = Row(await hugo.OpenAsync("/latest"), "Written after hugo joined");
        Assert.Null(freshRow.QuerySelector(".new-topic"));
    }

    [Fact]
    public async Task The_live_client_reports_posts_scrolled_into_view()
    {
        var author = await forum.UserAsync("ida");
        var reader = await forum.UserAsync("jan");
        var topic = await forum.TopicAsync(author, categoryId, "A long read for jan to scroll");
        for (var i = 2; i <= 30; i++) await forum.ReplyAsync(author, topic.Id, $"Paragraph {i} of the long read.");
        await forum.SetTopicLevelAsync(reader, topic.Id, NotificationLevel.Tracking);
        using var jan = forum.Session();
        await jan.LogInAsync("jan");
        var page = await jan.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<string?> UnreadAsync()
        {
            var row = Row(await jan.OpenAsync("/latest"), "A long read for jan to scroll");
            return row.QuerySelector(".unread-posts")?.TextContent.Trim();
        }

        Assert.Equal("10", await UnreadAsync());
        var answer = await jan.Client.PostAsync($"/t/{topic.Id}/read", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["postNumber"] = "25", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("5", await UnreadAsync());
        await jan.Client.PostAsync($"/t/{topic.Id}/read", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["postNumber"] = "9999", ["__RequestVerificationToken"] = token,
        }));
        Assert.Null(await UnreadAsync());

        var forged = await jan.Client.PostAsync($"/t/{topic.Id}/read", new FormUrlEncodedContent(new Dictionary<string, string> { ["postNumber"] = "3" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task The_unread_count_reaches_open_pages_live()
    {
        var author = await forum.UserAsync("kurt");
        await forum.UserAsync("lena");
        var topic = await forum.TopicAsync(author, categoryId, "Live counts for lena");
        await using var lena = await LiveClient.ConnectAsync(forum, "lena");

        await forum.ReplyAsync(author, topic.Id, "A question for @lena about the plan.");
        await lena.ExpectAsync("NotificationCountChanged(1)");

        using var session = forum.Session();
        await session.LogInAsync("lena");
        var page = await session.OpenAsync("/notifications");
        await session.SubmitAsync(page, "form.mark-all-read", new Dictionary<string, string>());
        await lena.ExpectAsync("NotificationCountChanged(0)");
    }

    [Fact]
    public async Task An_admin_makes_a_group_mentionable()
    {
        var groupName = "crew" + Guid.NewGuid().ToString("N")[..5];
        await forum.UserAsync("mateo");
        await forum.GroupAsync(groupName, false, "mateo");
        await forum.UserAsync("root1", Core.Accounts.UserRole.Admin);
        using var admin = forum.Session();
        await admin.LogInAsync("root1");

        var page = await admin.OpenAsync("/admin/groups");
        var selector = $"section[data-group-name='{groupName}'] form.group-mentionable";
        Assert.Equal("false", page.Document.QuerySelector(selector)!.GetAttribute("data-mentionable"));
        var after = await admin.SubmitAndFollowAsync(page, selector, new Dictionary<string, string>());

        Assert.Equal("true", after.Document.QuerySelector(selector)!.GetAttribute("data-mentionable"));
    }

    [Fact]
    public async Task Old_read_notifications_are_pruned_and_unread_ones_stay()
    {
        var author = await forum.UserAsync("nora");
        var reader = await forum.UserAsync("oscar");
        var topic = await forum.TopicAsync(author, categoryId, "Old news for oscar to prune");
        await forum.ReplyAsync(author, topic.Id, "An old mention of @oscar here.");
        await forum.ReplyAsync(author, topic.Id, "A recent mention of @oscar here.");
        await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                UPDATE notifications SET read_at = now() - interval '200 days'
                 WHERE user_id = @reader AND post_number = 2;
                UPDATE notifications SET created_at = now() - interval '300 days' WHERE user_id = @reader;
                """, new { reader });
        }

        var pruned = await forum.InScopeAsync(sp => sp.GetRequiredService<PruneNotifications>().RunAsync(default));

        Assert.True(pruned >= 1);
        Assert.Equal([3], (await forum.NotificationsOfAsync(reader)).Select(n => n.PostNumber!.Value));
    }
}
