using Forum.Core.Accounts;
using Forum.Core.Events;
using Forum.Core.Groups;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;
using Forum.Tests.Notifications;
using Forum.Web.Jobs;
using Forum.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Forum.Tests.Permissions;

public enum DeliveryViewer { Member, GroupMember, Moderator, Silenced, Suspended, RemovedFromGroup }

public enum DeliveryContent { Public, PrivateCategory, FlagHidden, Deleted, Unlisted, MovedToPrivate }

/// <summary>
/// The surfaces that deliver content after the fact — notification emails, digests and the live hub — asked for
/// every viewer and every kind of content, after the content and the viewers changed while mail was queued and
/// connections were open: each gives the allowed answer, and never the text of what the viewer may not read.
/// </summary>
public sealed class DeliveryAccessTests(DeliveryWorld world) : IClassFixture<DeliveryWorld>
{
    public static TheoryData<DeliveryViewer, DeliveryContent> Cells()
    {
        var cells = new TheoryData<DeliveryViewer, DeliveryContent>();
        foreach (var viewer in Enum.GetValues<DeliveryViewer>())
            foreach (var content in Enum.GetValues<DeliveryContent>())
                cells.Add(viewer, content);
        return cells;
    }

    /// <summary>Whether the viewer may read the topic now, after the changes: the one rule every surface follows.</summary>
    private static bool MayRead(DeliveryViewer viewer, DeliveryContent content) => viewer != DeliveryViewer.Suspended && content switch
    {
        DeliveryContent.Deleted => false,
        DeliveryContent.PrivateCategory or DeliveryContent.MovedToPrivate =>
            viewer is DeliveryViewer.GroupMember or DeliveryViewer.Moderator or DeliveryViewer.Silenced,
        _ => true,
    };

    [Theory, MemberData(nameof(Cells))]
    public void A_notification_email_carries_only_what_the_member_may_read_when_it_is_sent(DeliveryViewer viewer, DeliveryContent content)
    {
        // A flag-hidden post is not mailed to anyone, staff included: they read it on the site.
        var allowed = MayRead(viewer, content) && content != DeliveryContent.FlagHidden;
        var mail = world.NotificationMailOf(viewer);
        Assert.Equal(allowed, Contains(mail, DeliveryWorld.ReplyText(content)));
        if (!allowed) AssertAbsent(mail, content);
    }

    [Theory, MemberData(nameof(Cells))]
    public void A_notification_left_out_of_its_email_keeps_the_reason(DeliveryViewer viewer, DeliveryContent content)
    {
        var expected = viewer switch
        {
            DeliveryViewer.Suspended => EmailSkipReasons.MemberSuspended,
            _ when content == DeliveryContent.Deleted => EmailSkipReasons.TopicDeleted,
            _ when content == DeliveryContent.FlagHidden => EmailSkipReasons.PostHidden,
            _ when !MayRead(viewer, content) => EmailSkipReasons.TopicNotReadable,
            _ => null,
        };
        // A member who could never read the private category was never notified of it in the first place.
        if (viewer == DeliveryViewer.Member && content == DeliveryContent.PrivateCategory)
            Assert.False(world.SkipReasons.ContainsKey((viewer, content)));
        else
            Assert.Equal(expected, world.SkipReasons[(viewer, content)]);
    }

    [Theory, MemberData(nameof(Cells))]
    public void A_digest_lists_only_listed_topics_the_member_may_read_when_it_is_sent(DeliveryViewer viewer, DeliveryContent content)
    {
        var allowed = MayRead(viewer, content) && content != DeliveryContent.Unlisted;
        var digest = world.DigestOf(viewer);
        Assert.Equal(allowed, Contains(digest, DeliveryWorld.TitleOf(content)));
        // The opening post is the excerpt; a hidden one is left out even where its topic is listed.
        Assert.Equal(allowed && content != DeliveryContent.FlagHidden, Contains(digest, DeliveryWorld.OpeningText(content)));
        Assert.False(Contains(digest, DeliveryWorld.ReplyText(content)));
        if (!allowed) AssertAbsent(digest, content);
    }

    [Theory, MemberData(nameof(Cells))]
    public void Joining_a_topic_s_live_channel_is_allowed_only_to_those_who_may_read_it(DeliveryViewer viewer, DeliveryContent content) =>
        Assert.Equal(MayRead(viewer, content), world.JoinAllowed[(viewer, content)]);

    [Theory, MemberData(nameof(Cells))]
    public void Someone_replying_is_shown_only_to_those_who_may_read_the_topic_now(DeliveryViewer viewer, DeliveryContent content) =>
        Assert.Equal(MayRead(viewer, content), world.PushesTo(viewer).Contains($"Composing({world.TopicId(content)},{DeliveryWorld.Composer})"));

    [Theory, MemberData(nameof(Cells))]
    public void Replies_edits_and_state_changes_are_pushed_only_to_those_who_may_read_the_topic_now(DeliveryViewer viewer, DeliveryContent content)
    {
        var id = world.TopicId(content);
        var pushes = world.PushesTo(viewer);
        // Staff may still open a deleted topic, so they alone still hear of it.
        var hearsChanges = MayRead(viewer, content) || (content == DeliveryContent.Deleted && viewer == DeliveryViewer.Moderator);
        Assert.Equal(MayRead(viewer, content), pushes.Any(p => p.StartsWith($"PostCreated({id},", StringComparison.Ordinal)));
        Assert.Equal(hearsChanges, pushes.Contains($"PostChanged({id},2)"));
        Assert.Equal(hearsChanges, pushes.Contains($"TopicChanged({id})"));
        // Lists hear only of listed topics: not unlisted ones, not deleted ones.
        var listed = MayRead(viewer, content) && content != DeliveryContent.Unlisted;
        Assert.Equal(listed, pushes.Any(p => p.StartsWith($"TopicListChanged({id},", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_suspended_member_s_open_connection_is_closed_at_once_and_they_get_no_mail()
    {
        Assert.True(world.SuspendedConnectionClosed);
        Assert.Empty(world.PushesTo(DeliveryViewer.Suspended));
        Assert.Empty(world.NotificationMailOf(DeliveryViewer.Suspended));
        Assert.Empty(world.DigestOf(DeliveryViewer.Suspended));
        Assert.Equal(DigestDelivery.Skipped, world.SuspendedDigest);
    }

    [Fact]
    public async Task A_notification_email_left_out_is_never_sent_by_a_later_attempt()
    {
        foreach (var batchId in world.BatchIds)
            Assert.False(await world.Forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default)));
        Assert.Equal(world.MailCount, world.Forum.Smtp.Messages().Count);
    }

    private static bool Contains(IReadOnlyList<MimeMessage> messages, string text) =>
        messages.Any(m => m.Subject.Contains(text, StringComparison.Ordinal) || (m.TextBody ?? "").Contains(text, StringComparison.Ordinal)
            || (m.HtmlBody ?? "").Contains(text, StringComparison.Ordinal));

    private static void AssertAbsent(IReadOnlyList<MimeMessage> messages, DeliveryContent content)
    {
        foreach (var text in new[] { DeliveryWorld.ReplyText(content), DeliveryWorld.OpeningText(content), DeliveryWorld.TitleOf(content) })
            Assert.False(Contains(messages, text), $"A mail carries \"{text}\", which its reader may not read.");
    }
}

/// <summary>
/// One forum, set up once for the matrix: six viewers connected live and watching every topic they could read, six
/// topics that each mention all of them, notification emails claimed; then the changes (hide, delete, unlist, move to
/// private, remove from the group, suspend) while the mail waits and the connections stay open; then every surface
/// delivers, and what each viewer received is recorded.
/// </summary>
public sealed class DeliveryWorld : IAsyncLifetime
{
    public const string Composer = "dana-author";
    private const string Marker = "NotificationCountChanged(-1)";

    private static readonly Dictionary<DeliveryViewer, string> Usernames = new()
    {
        [DeliveryViewer.Member] = "mara-member",
        [DeliveryViewer.GroupMember] = "gil-insider",
        [DeliveryViewer.Moderator] = "moe-moderator",
        [DeliveryViewer.Silenced] = "sil-silenced",
        [DeliveryViewer.Suspended] = "sus-suspended",
        [DeliveryViewer.RemovedFromGroup] = "rex-leaver",
    };

    private readonly Dictionary<DeliveryViewer, long> userIds = [];
    private readonly Dictionary<DeliveryContent, CreatedTopic> topics = [];
    private readonly Dictionary<DeliveryViewer, IReadOnlyList<string>> pushes = [];

    public MailForum Forum { get; } = new();

    public Dictionary<(DeliveryViewer, DeliveryContent), bool> JoinAllowed { get; } = [];

    public Dictionary<(DeliveryViewer, DeliveryContent), string?> SkipReasons { get; } = [];

    public IReadOnlyList<long> BatchIds { get; private set; } = [];

    public DigestDelivery SuspendedDigest { get; private set; }

    /// <summary>Suspension ends the member's sessions, which closes their open connection before anything else is pushed.</summary>
    public bool SuspendedConnectionClosed { get; private set; }

    public int MailCount { get; private set; }

    public static string TitleOf(DeliveryContent content) => $"Planning thread {content} for the spring assembly";

    public static string OpeningText(DeliveryContent content) => $"opening-secret-{content}";

    public static string ReplyText(DeliveryContent content) => $"reply-secret-{content}";

    public long TopicId(DeliveryContent content) => topics[content].Id;

    public IReadOnlyList<string> PushesTo(DeliveryViewer viewer) => pushes[viewer];

    public IReadOnlyList<MimeMessage> NotificationMailOf(DeliveryViewer viewer) =>
        Forum.Smtp.MessagesTo(Email(viewer)).Where(m => m.MessageId.StartsWith("activity.", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<MimeMessage> DigestOf(DeliveryViewer viewer) =>
        Forum.Smtp.MessagesTo(Email(viewer)).Where(m => !m.MessageId.StartsWith("activity.", StringComparison.Ordinal)).ToList();

    private string Email(DeliveryViewer viewer) => $"{Usernames[viewer]}@delivery.example.org";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Forum).InitializeAsync();
        var adminId = await Forum.SetUpAsync("delivery-admin");
        var admin = new Viewer(adminId, UserRole.Admin);
        var authorId = await Forum.UserAsync(Composer);
        await Forum.AgeAccountAsync(authorId);
        foreach (var (viewer, name) in Usernames)
            userIds[viewer] = await Forum.UserAsync(name, viewer == DeliveryViewer.Moderator ? UserRole.Moderator : UserRole.Member);
        var moderator = new Viewer(userIds[DeliveryViewer.Moderator], UserRole.Moderator);
        var boardId = await Forum.GroupAsync("delivery-board", false, Composer, Usernames[DeliveryViewer.GroupMember],
            Usernames[DeliveryViewer.Silenced], Usernames[DeliveryViewer.Suspended], Usernames[DeliveryViewer.RemovedFromGroup]);
        var boardRoom = await Forum.CategoryAsync("Delivery board room", restricted: true, groupIds: [boardId]);
        var commons = await Forum.CategoryAsync("Delivery commons");
        // Silenced members still read; they only may not post.
        await Forum.InScopeAsync(sp => sp.GetRequiredService<PenaltyService>().SetAsync(moderator, userIds[DeliveryViewer.Silenced],
            PenaltyKind.Silence, DateTime.UtcNow.AddDays(3), "Cooling off after a heated thread.", default));

        var mentions = string.Join(' ', Usernames.Values.Select(n => "@" + n));
        var replies = new Dictionary<DeliveryContent, SavedReply>();
        foreach (var content in Enum.GetValues<DeliveryContent>())
        {
            var category = content == DeliveryContent.PrivateCategory ? boardRoom : commons;
            topics[content] = await Forum.TopicAsync(authorId, category, TitleOf(content), $"{OpeningText(content)} starts the thread.");
            replies[content] = await Forum.ReplyAsync(authorId, topics[content].Id, $"{ReplyText(content)} for {mentions}");
        }

        // Everyone is connected, watching the lists and every topic they may read, before anything changes.
        var clients = new Dictionary<DeliveryViewer, LiveClient>();
        foreach (var viewer in Enum.GetValues<DeliveryViewer>())
        {
            var client = clients[viewer] = await LiveClient.ConnectAsync(Forum, Usernames[viewer]);
            await client.Connection.InvokeAsync("WatchLists");
            foreach (var topic in topics.Values)
                await TryWatchAsync(client, topic.Id);
        }
        var composer = await LiveClient.ConnectAsync(Forum, Composer);
        // Logging in marked them as seen; mail is for members away, as if they had left a while ago.
        await Forum.ExecuteAsync("UPDATE users SET last_seen_at = NULL, email = username || '@delivery.example.org', email_confirmed_at = now()");
        await Forum.ExecuteAsync("UPDATE notifications SET created_at = created_at - interval '20 minutes'");
        BatchIds = await Forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueNotificationEmails>().RunAsync(default));

        // The changes, while the mail waits and the connections stay open; the viewers' own first, so that every
        // push the content changes cause is already owed to the viewers as they end up.
        await Forum.InScopeAsync(async sp =>
        {
            Assert.True((await sp.GetRequiredService<PenaltyService>().SetAsync(moderator, userIds[DeliveryViewer.Suspended], PenaltyKind.Suspend,
                DateTime.UtcNow.AddDays(7), "Repeated spam after warnings.", default)).Value);
            Assert.True((await sp.GetRequiredService<GroupService>().RemoveMemberAsync(admin, boardId, userIds[DeliveryViewer.RemovedFromGroup], default)).Value);
            var flags = sp.GetRequiredService<FlagService>();
            var member = new Viewer(userIds[DeliveryViewer.Member], UserRole.Member);
            var hidden = topics[DeliveryContent.FlagHidden];
            foreach (var postId in new[] { await Forum.FirstPostIdAsync(hidden.Id), replies[DeliveryContent.FlagHidden].PostId })
            {
                Assert.True((await flags.FlagAsync(member, postId, FlagReason.Inappropriate, "", default)).Succeeded);
                Assert.True((await flags.DecideAsync(moderator, postId, FlagDecision.Agree, default)).Value);
            }
            var topicModeration = sp.GetRequiredService<TopicModerationService>();
            Assert.True((await topicModeration.SetDeletedAsync(moderator, topics[DeliveryContent.Deleted].Id, true, default)).Value);
            Assert.True((await topicModeration.MoveAsync(moderator, topics[DeliveryContent.MovedToPrivate].Id, boardRoom, default)).Value);
            Assert.True((await sp.GetRequiredService<TopicStatusService>().SetListedAsync(moderator, topics[DeliveryContent.Unlisted].Id, false, default)).Value);
            return true;
        });

        await clients[DeliveryViewer.Suspended].ExpectClosedAsync();
        SuspendedConnectionClosed = true;
        var suspended = clients[DeliveryViewer.Suspended];
        clients.Remove(DeliveryViewer.Suspended);
        await suspended.DisposeAsync();
        pushes[DeliveryViewer.Suspended] = [];
        foreach (var content in topics.Keys) JoinAllowed[(DeliveryViewer.Suspended, content)] = false;

        // Mail goes out now: the queued notification emails, and a digest for everyone.
        foreach (var batchId in BatchIds)
            await Forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default));
        foreach (var viewer in Enum.GetValues<DeliveryViewer>())
        {
            var delivery = await Forum.SendDigestAsync(userIds[viewer]);
            if (viewer == DeliveryViewer.Suspended) SuspendedDigest = delivery;
        }
        MailCount = Forum.Smtp.Messages().Count;
        foreach (var row in await Forum.InScopeAsync(async sp =>
                 {
                     await using var conn = await sp.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
                     return await Dapper.SqlMapper.QueryAsync<(long UserId, long TopicId, string? Reason)>(conn,
                         "SELECT user_id, topic_id, email_skip_reason FROM notifications WHERE kind = @Mentioned",
                         new { Mentioned = (int)NotificationKind.Mentioned });
                 }))
            SkipReasons[(userIds.Single(u => u.Value == row.UserId).Key, topics.Single(t => t.Value.Id == row.TopicId).Key)] = row.Reason;

        // The hub, asked again now: joining, someone replying, and every kind of push.
        foreach (var viewer in clients.Keys)
            foreach (var (content, topic) in topics)
                JoinAllowed[(viewer, content)] = await TryWatchAsync(clients[viewer], topic.Id);
        foreach (var (content, topic) in topics)
        {
            if (content == DeliveryContent.Deleted)
                await Assert.ThrowsAsync<HubException>(() => composer.Connection.InvokeAsync("Composing", topic.Id, true));
            else
                await composer.Connection.InvokeAsync("Composing", topic.Id, true);
        }
        await Forum.InScopeAsync(async sp =>
        {
            var events = sp.GetRequiredService<IEventPublisher>();
            foreach (var (content, topic) in topics)
            {
                if (content != DeliveryContent.Deleted) await Forum.ReplyAsync(authorId, topic.Id, "A later reply everyone allowed hears of.");
                await events.PublishAsync(new PostEdited(topic.Id, replies[content].PostId, 2), default);
                await events.PublishAsync(new TopicStatusChanged(topic.Id, TopicStatus.Changed, moderator.UserId!.Value), default);
            }
            // Pushes leave in order from one queue: a marker sent to each connection last proves the others are in.
            var queue = sp.GetRequiredService<LivePushQueue>();
            foreach (var client in clients.Values)
            {
                var connectionId = client.Connection.ConnectionId!;
                await queue.EnqueueAsync(p => p.GetRequiredService<IHubContext<TopicHub, ITopicClient>>().Clients.Client(connectionId).NotificationCountChanged(-1), default);
            }
            return true;
        });
        foreach (var (viewer, client) in clients)
            pushes[viewer] = await client.ReceivedBeforeAsync(Marker);
        foreach (var client in clients.Values) await client.DisposeAsync();
        await composer.DisposeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Forum).DisposeAsync();

    private static async Task<bool> TryWatchAsync(LiveClient client, long topicId)
    {
        try
        {
            await client.Connection.InvokeAsync<int>("WatchTopic", topicId);
            return true;
        }
        catch (HubException)
        {
            return false;
        }
    }
}
