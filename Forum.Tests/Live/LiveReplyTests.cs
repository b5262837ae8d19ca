using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Live;

public sealed class LiveReplyTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<(long CategoryId, long AliceId, long BobId)> PeopleAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Live " + suffix), await forum.UserAsync("alice" + suffix), await forum.UserAsync("bob" + suffix));
    }

    [Fact]
    public async Task A_reader_hears_of_a_new_reply_and_fetches_it_rendered_as_the_page_renders_it()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("r");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Who joins the Lisbon bid?");
        await using var alice = await LiveClient.ConnectAsync(forum, "alicer");
        Assert.Equal(1, await alice.Connection.InvokeAsync<int>("WatchTopic", topic.Id));

        await forum.ReplyAsync(bobId, topic.Id, "Count our cooperative in, **gladly**.");
        await alice.ExpectAsync($"PostCreated({topic.Id},2)");

        using var session = forum.Session();
        await session.LogInAsync("alicer");
        var fragment = await session.OpenAsync($"/t/{topic.Id}/posts?after=1");
        var page = await session.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.Equal(["2"], fragment.Document.QuerySelectorAll("article.post").Select(p => p.GetAttribute("data-post-number")!));
        Assert.Equal(WithoutTokens(page.Document.QuerySelector("#post-2")!.OuterHtml), WithoutTokens(fragment.Document.QuerySelector("#post-2")!.OuterHtml));
        Assert.Contains("<strong>gladly</strong>", fragment.Text);
    }

    [Fact]
    public async Task Edits_deletions_restorations_closing_and_pinning_are_pushed_to_readers()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("e");
        var moderatorId = await forum.UserAsync("mode", UserRole.Moderator);
        var topic = await forum.TopicAsync(aliceId, categoryId, "Shared hosting costs for 2027");
        var reply = await forum.ReplyAsync(bobId, topic.Id, "We pay about forty euros a month.");
        await using var alice = await LiveClient.ConnectAsync(forum, "alicee");
        await alice.Connection.InvokeAsync<int>("WatchTopic", topic.Id);

        var bob = new Viewer(bobId, UserRole.Member);
        var moderator = new Viewer(moderatorId, UserRole.Moderator);
        await forum.InScopeAsync(sp => sp.GetRequiredService<PostEditService>().EditAsync(bob, reply.PostId, 1, "We pay about fifty euros a month now.", default));
        await alice.ExpectAsync($"PostChanged({topic.Id},2)");
        using var session = forum.Session();
        Assert.Contains("fifty euros", (await session.OpenAsync($"/t/{topic.Id}/posts/2")).TextOf(".cooked"));

        await forum.InScopeAsync(sp => sp.GetRequiredService<PostEditService>().DeleteAsync(bob, reply.PostId, default));
        await alice.ExpectAsync($"PostChanged({topic.Id},2)");
        Assert.Contains("This post was deleted.", (await session.OpenAsync($"/t/{topic.Id}/posts/2")).Text);

        await forum.InScopeAsync(sp => sp.GetRequiredService<PostEditService>().RestoreAsync(moderator, reply.PostId, default));
        await alice.ExpectAsync($"PostChanged({topic.Id},2)");
        Assert.Contains("fifty euros", (await session.OpenAsync($"/t/{topic.Id}/posts/2")).TextOf(".cooked"));

        await forum.InScopeAsync(sp => sp.GetRequiredService<TopicStatusService>().SetClosedAsync(moderator, topic.Id, true, default));
        await alice.ExpectAsync($"TopicChanged({topic.Id})");
        Assert.Contains("\"isClosed\":true", (await session.OpenAsync($"/t/{topic.Id}/state")).Text);

        await forum.InScopeAsync(sp => sp.GetRequiredService<TopicStatusService>().SetClosedAsync(moderator, topic.Id, false, default));
        await alice.ExpectAsync($"TopicChanged({topic.Id})");
        await forum.InScopeAsync(sp => sp.GetRequiredService<TopicStatusService>().SetPinnedAsync(moderator, topic.Id, true, false, default));
        await alice.ExpectAsync($"TopicChanged({topic.Id})");
        var state = (await session.OpenAsync($"/t/{topic.Id}/state")).Text;
        Assert.Contains("\"isClosed\":false", state);
        Assert.Contains("\"isPinned\":true", state);
    }

    [Fact]
    public async Task After_a_dropped_connection_the_client_gets_exactly_the_posts_it_missed()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("c");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Reconnecting across time zones");
        await using var alice = await LiveClient.ConnectAsync(forum, "alicec");
        await alice.Connection.InvokeAsync<int>("WatchTopic", topic.Id);
        await forum.ReplyAsync(bobId, topic.Id, "First reply, seen live by Alice.");
        await alice.ExpectAsync($"PostCreated({topic.Id},2)");

        await alice.Connection.StopAsync();
        await forum.ReplyAsync(bobId, topic.Id, "Second reply, while Alice was offline.");
        await forum.ReplyAsync(bobId, topic.Id, "Third reply, still offline.");
        await alice.Connection.StartAsync();
        var highest = await alice.Connection.InvokeAsync<int>("WatchTopic", topic.Id);
        Assert.Equal(4, highest);

        using var session = forum.Session();
        var missed = await session.OpenAsync($"/t/{topic.Id}/posts?after=2");
        Assert.Equal(["3", "4"], missed.Document.QuerySelectorAll("article.post").Select(p => p.GetAttribute("data-post-number")!));

        await forum.ReplyAsync(bobId, topic.Id, "Fourth reply, live again.");
        await alice.ExpectAsync($"PostCreated({topic.Id},5)");
    }

    [Fact]
    public async Task Someone_replying_is_shown_to_the_other_readers_only()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("p");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Presence in a busy thread");
        await using var alice = await LiveClient.ConnectAsync(forum, "alicep");
        await using var bob = await LiveClient.ConnectAsync(forum, "bobp");
        await using var guest = await LiveClient.ConnectAsync(forum);
        await alice.Connection.InvokeAsync<int>("WatchTopic", topic.Id);
        await bob.Connection.InvokeAsync<int>("WatchTopic", topic.Id);

        await alice.Connection.InvokeAsync("Composing", topic.Id, true);
        await bob.ExpectAsync($"Composing({topic.Id},alicep)");
        await alice.Connection.InvokeAsync("Composing", topic.Id, false);
        await bob.ExpectAsync($"StoppedComposing({topic.Id},alicep)");
        await bob.Connection.InvokeAsync("Composing", topic.Id, true);
        await alice.ExpectNoneBeforeAsync($"Composing({topic.Id},bobp)", $"Composing({topic.Id},alicep)");

        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Connection.InvokeAsync("Composing", topic.Id, true));
        Assert.Contains("Log in to reply.", refused.Message);
    }

    [Fact]
    public async Task A_flood_of_hub_calls_is_refused()
    {
        var (categoryId, aliceId, _) = await PeopleAsync("f");
        var topic = await forum.TopicAsync(aliceId, categoryId, "Rate limits keep the hub calm");
        await using var guest = await LiveClient.ConnectAsync(forum);
        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            for (var i = 0; i < 100; i++) await guest.Connection.InvokeAsync<int>("WatchTopic", topic.Id);
        });
        Assert.Contains("Too many requests", error.Message);
        await using var other = await LiveClient.ConnectAsync(forum);
        var invalid = await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync<int>("WatchTopic", -5L));
        Assert.Contains("does not exist", invalid.Message);
    }

    [Fact]
    public async Task Topic_lists_hear_of_new_topics_and_replies_and_authors_hear_of_likes_on_their_own_channel()
    {
        var (categoryId, aliceId, bobId) = await PeopleAsync("l");
        await using var listReader = await LiveClient.ConnectAsync(forum);
        await listReader.Connection.InvokeAsync("WatchLists");
        var topic = await forum.TopicAsync(aliceId, categoryId, "A brand new lead from Nairobi");
        await listReader.ExpectAsync($"TopicListChanged({topic.Id},{categoryId},)");
        var reply = await forum.ReplyAsync(bobId, topic.Id, "Interesting, tell us more please.");
        await listReader.ExpectAsync($"TopicListChanged({topic.Id},{categoryId},)");

        await using var bob = await LiveClient.ConnectAsync(forum, "bobl");
        await forum.InScopeAsync(sp => sp.GetRequiredService<PostEditService>().LikeAsync(new Viewer(aliceId, UserRole.Member), reply.PostId, true, default));
        await bob.ExpectAsync($"PostLiked({topic.Id},2,alicel)");
    }

    // Every render carries a fresh antiforgery token; the rest must be identical.
    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<input name=\"__RequestVerificationToken\"[^>]*>", "");
}
