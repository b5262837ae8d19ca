using Forum.Core.Notifications;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Notifications;

/// <summary>Who a post's mentions, quotes and replies notify, against the real database.</summary>
public sealed class MentionNotificationTests(ForumApp forum) : IClassFixture<ForumApp>, IAsyncLifetime
{
    private long categoryId;

    public async Task InitializeAsync()
    {
        await forum.SetUpAsync($"admin{Guid.NewGuid():N}"[..16]);
        categoryId = await forum.CategoryAsync("Mentions " + Guid.NewGuid().ToString("N")[..6]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_mention_notifies_the_member_once_and_links_to_the_exact_post()
    {
        var author = await forum.UserAsync("mira");
        var neto = await forum.UserAsync("neto");
        var topic = await forum.TopicAsync(author, categoryId, "Planning the spring assembly");
        await forum.ReplyAsync(author, topic.Id, "First a reply without names.");

        var saved = await forum.ReplyAsync(author, topic.Id, "What do you think, @Neto? And again @neto.");

        var mention = Assert.Single(await forum.NotificationsOfAsync(neto));
        Assert.Equal(NotificationKind.Mentioned, mention.Kind);
        Assert.Equal("mira", mention.ActorUsername);
        Assert.Equal(saved.PostNumber, mention.PostNumber);
        Assert.Equal($"/t/{topic.Slug}/{topic.Id}/3#post-3", mention.PostUrl);
        Assert.False(mention.IsRead);
        Assert.Equal([neto], saved.NotifiedUserIds);
    }

    [Fact]
    public async Task Mentions_in_code_quotes_links_and_addresses_notify_nobody()
    {
        var author = await forum.UserAsync("otto");
        var pia = await forum.UserAsync("pia");
        var topic = await forum.TopicAsync(author, categoryId, "Where mentions do not count");

        await forum.ReplyAsync(author, topic.Id, "Type `@pia` in the box.\n\n```\nnotify @pia\n```");
        await forum.ReplyAsync(author, topic.Id, "> @pia wrote this earlier\n\nQuoted, not mentioned.");
        await forum.ReplyAsync(author, topic.Id, "See [@pia](https://example.org) and write to pia@example.org");

        Assert.Empty(await forum.NotificationsOfAsync(pia));
    }

    [Fact]
    public async Task Unknown_names_and_the_author_themself_are_not_notified()
    {
        var author = await forum.UserAsync("quim");
        var topic = await forum.TopicAsync(author, categoryId, "Talking to myself here");

        var saved = await forum.ReplyAsync(author, topic.Id, "Note to @quim and to @nobody_at_all.");

        Assert.Empty(await forum.NotificationsOfAsync(author));
        Assert.Empty(saved.NotifiedUserIds);
        Assert.Empty(saved.UnnotifiedMentions);
    }

    [Fact]
    public async Task At_most_ten_mentions_notify_and_the_author_learns_which_did_not()
    {
        var author = await forum.UserAsync("rita");
        await forum.AgeAccountAsync(author);
        var names = Enumerable.Range(1, 12).Select(i => $"limit{i:00}").ToList();
        var ids = new List<long>();
        foreach (var name in names) ids.Add(await forum.UserAsync(name));
        var topic = await forum.TopicAsync(author, categoryId, "Everybody needs to see this");

        var saved = await forum.ReplyAsync(author, topic.Id, "Calling " + string.Join(" ", names.Select(n => "@" + n)));

        Assert.Equal(ids.Take(10).Order(), saved.NotifiedUserIds.Order());
        Assert.Equal(["limit11", "limit12"], saved.UnnotifiedMentions);
        Assert.Empty(await forum.NotificationsOfAsync(ids[11]));
        var page = await forum.Get<INotificationStore>().ListAsync(ids[0], null, 10, default);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task A_new_account_notifies_fewer_people_and_the_page_says_who_was_left_out()
    {
        var author = await forum.UserAsync("sven");
        await forum.UserAsync("newbie1");
        await forum.UserAsync("newbie2");
        var third = await forum.UserAsync("newbie3");
        var topic = await forum.TopicAsync(author, categoryId, "A brand new member writes");

        using var sven = forum.Session();
        await sven.LogInAsync("sven");
        var page = await sven.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        var replied = await sven.SubmitAndFollowAsync(page, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Hello @newbie1 @newbie2 @newbie3!",
        }, "button[formaction*=Reply]");

        Assert.Contains("@newbie3 were not notified", replied.TextOf(".unnotified-mentions"));
        Assert.Contains("Hello", replied.TextOf("#post-2 .cooked"));
        Assert.Equal(3, replied.Document.QuerySelectorAll("#post-2 a.mention").Length);
        Assert.Empty(await forum.NotificationsOfAsync(third));
    }

    [Fact]
    public async Task Nobody_is_notified_of_a_private_topic_they_cannot_read()
    {
        var author = await forum.UserAsync("tara");
        var insider = await forum.UserAsync("insider");
        var outsider = await forum.UserAsync("outsider");
        var groupId = await forum.GroupAsync("board" + Guid.NewGuid().ToString("N")[..4], false, "tara", "insider");
        var privateCategory = await forum.CategoryAsync("Board room " + Guid.NewGuid().ToString("N")[..4], restricted: true, groupIds: [groupId]);
        var topic = await forum.TopicAsync(author, privateCategory, "Salaries for next year");

        await forum.ReplyAsync(author, topic.Id, "What do @insider and @outsider think?");

        Assert.Single(await forum.NotificationsOfAsync(insider));
        Assert.Empty(await forum.NotificationsOfAsync(outsider));
    }

    [Fact]
    public async Task An_edit_notifies_only_newly_mentioned_members_and_only_once()
    {
        var author = await forum.UserAsync("uma");
        var first = await forum.UserAsync("vera");
        var added = await forum.UserAsync("walt");
        var topic = await forum.TopicAsync(author, categoryId, "Edits and their mentions");
        var saved = await forum.ReplyAsync(author, topic.Id, "Any thoughts on this, @vera?");

        await forum.EditAsync(author, saved.PostId, "Any thoughts on this, @vera? Fixed a typo.");
        await forum.EditAsync(author, saved.PostId, "Any thoughts on this, @vera and @walt?");
        await forum.EditAsync(author, saved.PostId, "Any thoughts on this, @walt and @vera? Once more.");

        Assert.Single(await forum.NotificationsOfAsync(first));
        var notice = Assert.Single(await forum.NotificationsOfAsync(added));
        Assert.Equal(NotificationKind.Mentioned, notice.Kind);
        Assert.Equal(saved.PostNumber, notice.PostNumber);
    }

    [Fact]
    public async Task A_group_mention_reaches_each_member_once()
    {
        var author = await forum.UserAsync("xena");
        await forum.AgeAccountAsync(author);
        var direct = await forum.UserAsync("yuri");
        var member = await forum.UserAsync("zoe");
        var both = await forum.UserAsync("abel");
        var group = "coop-" + Guid.NewGuid().ToString("N")[..5];
        var other = "other-" + Guid.NewGuid().ToString("N")[..5];
        await forum.GroupAsync(group, true, "xena", "yuri", "zoe", "abel");
        await forum.GroupAsync(other, true, "zoe", "abel");
        var quiet = "quiet-" + Guid.NewGuid().ToString("N")[..5];
        var quietMember = await forum.UserAsync("bela");
        await forum.GroupAsync(quiet, false, "bela");
        var topic = await forum.TopicAsync(author, categoryId, "Group mentions fan out");

        await forum.ReplyAsync(author, topic.Id, $"Hey @{group} and @{other}, especially @yuri. Also @{quiet}.");

        Assert.Empty(await forum.NotificationsOfAsync(author));
        Assert.Equal(NotificationKind.Mentioned, Assert.Single(await forum.NotificationsOfAsync(direct)).Kind);
        var memberNotice = Assert.Single(await forum.NotificationsOfAsync(member));
        Assert.Equal(NotificationKind.GroupMentioned, memberNotice.Kind);
        Assert.Single(await forum.NotificationsOfAsync(both));
        Assert.Empty(await forum.NotificationsOfAsync(quietMember));
    }

    [Fact]
    public async Task Replies_and_quotes_notify_the_author_they_answer()
    {
        var author = await forum.UserAsync("carmen");
        var replier = await forum.UserAsync("dario");
        var topic = await forum.TopicAsync(author, categoryId, "Replies and quotes reach authors");

        var reply = await forum.ReplyAsync(replier, topic.Id, "Answering the first post.", replyTo: 1);
        var quote = await forum.ReplyAsync(replier, topic.Id, $"> [@carmen](/t/{topic.Slug}/{topic.Id}/1):\n> The opening post\n\nQuite so.");

        var notices = await forum.NotificationsOfAsync(author);
        Assert.Equal([(NotificationKind.Quoted, quote.PostNumber), (NotificationKind.Replied, reply.PostNumber)],
            notices.Select(n => (n.Kind, n.PostNumber!.Value)));
    }

    [Fact]
    public async Task Likes_of_one_post_collapse_into_one_notification()
    {
        var author = await forum.UserAsync("elena");
        var topic = await forum.TopicAsync(author, categoryId, "A post many people like");
        var postId = await forum.FirstPostIdAsync(topic.Id);
        foreach (var name in new[] { "fan1", "fan2", "fan3", "fan4" })
            await forum.LikeAsync(await forum.UserAsync(name), postId);

        var liked = Assert.Single(await forum.NotificationsOfAsync(author));
        Assert.Equal(NotificationKind.Liked, liked.Kind);
        Assert.Equal("fan4", liked.ActorUsername);
        Assert.Equal(4, liked.ActorCount);

        using var elena = forum.Session();
        await elena.LogInAsync("elena");
        var page = await elena.OpenAsync("/notifications");
        Assert.Contains("fan4 and 3 others liked your post in A post many people like", page.TextOf(".notifications-page"));
    }

    [Fact]
    public async Task Muting_a_topic_or_its_category_silences_mentions()
    {
        var author = await forum.UserAsync("fidel");
        var muter = await forum.UserAsync("gala");
        var categoryMuter = await forum.UserAsync("hans");
        var topic = await forum.TopicAsync(author, categoryId, "Some people muted this one");
        await forum.SetTopicLevelAsync(muter, topic.Id, NotificationLevel.Muted);
        var otherCategory = await forum.CategoryAsync("Muted place " + Guid.NewGuid().ToString("N")[..4]);
        await forum.SetCategoryLevelAsync(categoryMuter, otherCategory, NotificationLevel.Muted);
        var other = await forum.TopicAsync(author, otherCategory, "In a category someone muted");

        await forum.ReplyAsync(author, topic.Id, "Ping @gala please, when you can.");
        await forum.ReplyAsync(author, other.Id, "Ping @hans please, when you can.");

        Assert.Empty(await forum.NotificationsOfAsync(muter));
        Assert.Empty(await forum.NotificationsOfAsync(categoryMuter));
    }

    [Fact]
    public async Task Watchers_hear_of_every_post_and_category_watchers_of_new_topics()
    {
        var author = await forum.UserAsync("ines");
        var watcher = await forum.UserAsync("jonas");
        var categoryWatcher = await forum.UserAsync("kira");
        var tracker = await forum.UserAsync("lars");
        var watchedCategory = await forum.CategoryAsync("Watched " + Guid.NewGuid().ToString("N")[..4]);
        await forum.SetCategoryLevelAsync(categoryWatcher, watchedCategory, NotificationLevel.Watching);
        var topic = await forum.TopicAsync(author, watchedCategory, "Everything here is watched");
        await forum.SetTopicLevelAsync(watcher, topic.Id, NotificationLevel.Watching);
        await forum.SetTopicLevelAsync(tracker, topic.Id, NotificationLevel.Tracking);

        var reply = await forum.ReplyAsync(author, topic.Id, "A second post for the watchers.");

        Assert.Equal((NotificationKind.Posted, reply.PostNumber), Assert.Single(await forum.NotificationsOfAsync(watcher)) is var w ? (w.Kind, w.PostNumber!.Value) : default);
        Assert.Equal([NotificationKind.Posted, NotificationKind.NewTopic], (await forum.NotificationsOfAsync(categoryWatcher)).Select(n => n.Kind));
        Assert.Empty(await forum.NotificationsOfAsync(tracker));
    }

    [Fact]
    public async Task Choosing_normal_for_one_topic_overrides_a_watched_category()
    {
        var author = await forum.UserAsync("pia-normal");
        var reader = await forum.UserAsync("quim-normal");
        var watched = await forum.CategoryAsync("Followed " + Guid.NewGuid().ToString("N")[..4]);
        await forum.SetCategoryLevelAsync(reader, watched, NotificationLevel.Watching);
        var topic = await forum.TopicAsync(author, watched, "A thread one reader wants quieter");
        await forum.ReplyAsync(author, topic.Id, "First reply: the category watcher hears of it.");

        await forum.SetTopicLevelAsync(reader, topic.Id, NotificationLevel.Normal);
        await forum.ReplyAsync(author, topic.Id, "Second reply: this topic is normal for the reader now.");

        Assert.Equal([NotificationKind.Posted, NotificationKind.NewTopic], (await forum.NotificationsOfAsync(reader)).Select(n => n.Kind));
        using var session = forum.Session();
        await session.LogInAsync("quim-normal");
        var page = await session.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.Equal("1", page.Document.QuerySelector("form.notification-level-form select option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Starting_or_replying_to_a_topic_follows_it_as_the_preferences_say()
    {
        var starter = await forum.UserAsync("mona");
        var replier = await forum.UserAsync("nils");
        var quietReplier = await forum.UserAsync("olga");
        await forum.InScopeAsync(sp => sp.GetRequiredService<NotificationService>()
            .SavePreferencesAsync(new Core.Accounts.Viewer(quietReplier, Core.Accounts.UserRole.Member), 3, 1, true, default));
        var topic = await forum.TopicAsync(starter, categoryId, "Who follows what by default");
        await forum.ReplyAsync(replier, topic.Id, "Replying, so I track it.");
        await forum.ReplyAsync(quietReplier, topic.Id, "Replying, but I keep it normal.");

        await forum.ReplyAsync(replier, topic.Id, "Another post the starter watches.");

        Assert.Equal(3, (await forum.NotificationsOfAsync(starter)).Count(n => n.Kind == NotificationKind.Posted));
        Assert.Empty(await forum.NotificationsOfAsync(quietReplier));
        var levels = await forum.InScopeAsync(async sp =>
        {
            var list = await sp.GetRequiredService<Core.Topics.ITopicStore>().ListAsync(
                new Core.Topics.TopicListQuery(new Core.Accounts.Viewer(replier, Core.Accounts.UserRole.Member), categoryId, null, 50), default);
            return list.Topics.Single(t => t.Id == topic.Id).NotificationLevel;
        });
        Assert.Equal(NotificationLevel.Tracking, levels);
    }

    [Fact]
    public async Task A_moderator_action_on_a_post_notifies_its_author()
    {
        var author = await forum.UserAsync("pablo");
        var moderator = await forum.UserAsync("quinn", Core.Accounts.UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A topic a moderator closes");

        await forum.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Core.Events.IEventPublisher>().PublishAsync(
                new Core.Moderation.ModeratorActed(author, topic.Id, null, "topic_closed", moderator), default);
            return true;
        });

        var notice = Assert.Single(await forum.NotificationsOfAsync(author));
        Assert.Equal(NotificationKind.ModeratorAction, notice.Kind);
        using var pablo = forum.Session();
        await pablo.LogInAsync("pablo");
        var page = await pablo.OpenAsync("/notifications");
        Assert.Contains("A moderator closed your topic A topic a moderator closes", page.TextOf(".notifications-page"));
    }
}
