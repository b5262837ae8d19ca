using System.Globalization;
using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Mail;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Core.Topics;

namespace Forum.Web.Demo;

public sealed record DemoSummary(bool WasAlreadyLoaded, int Categories, int Members, int Topics, int Replies, int Likes)
{
    public static readonly DemoSummary AlreadyLoaded = new(true, 0, 0, 0, 0, 0);
}

/// <summary>
/// Loads <see cref="DemoContent"/> through the same Core services the pages use, so demo posts are checked,
/// cooked, numbered and counted exactly like real ones.
/// </summary>
public sealed class DemoLoader(IServiceProvider services, IUserStore users, ICategoryStore categories, ITopicStore topics,
    IReadStateStore readState, TimeProvider clock, ILogger<DemoLoader> log)
{
    // Categories are an admin's to create, and no admin may exist yet (the CLI can run before setup).
    private static readonly Viewer Site = new(null, UserRole.Admin);

    public async Task<DemoSummary> LoadAsync(CancellationToken ct)
    {
        if (await users.FindByUsernameAsync(DemoContent.Members[0].Username, ct) is not null)
            return DemoSummary.AlreadyLoaded;

        // The services stamp what they write with their clock; handing them one set to each post's moment
        // gives the threads weeks of history instead of all being "just now".
        var now = clock.GetUtcNow();
        var backdated = new BackdatedClock(now);
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(services, backdated);
        var topicService = ActivatorUtilities.CreateInstance<TopicService>(services, backdated);
        var replyService = ActivatorUtilities.CreateInstance<ReplyService>(services, backdated);
        var postEdits = ActivatorUtilities.CreateInstance<PostEditService>(services, backdated);

        var categoryIds = await LoadCategoriesAsync(ct);
        var createdCategories = categoryIds.Count(c => c.Value.IsNew);

        var members = new Dictionary<string, Viewer>(StringComparer.Ordinal);
        foreach (var (member, index) in DemoContent.Members.Select((m, i) => (m, i)))
        {
            backdated.Now = now.AddDays(-60 + index);
            var id = Require(await accounts.SignUpAsync(new SignUpRequest(member.Username, $"{member.Username}@{NeverMailed.DemoDomain}",
                DemoContent.Password, member.TimeZone, member.Locale), member.Role, ct), member.Username);
            Require(await accounts.UpdateProfileAsync(new ProfileUpdate(id, member.Name, member.Bio, member.Organization,
                member.Location, member.TimeZone, member.Locale), ct), member.Username);
            members[member.Username] = new Viewer(id, member.Role);
        }

        int topicCount = 0, replyCount = 0, likeCount = 0;
        foreach (var topic in DemoContent.Topics)
        {
            var startedAt = now.AddDays(-topic.DaysAgo);
            backdated.Now = startedAt;
            var created = Require(await topicService.CreateAsync(
                new NewTopicRequest(members[topic.Author], categoryIds[topic.Category].Id, topic.Title, topic.Raw), ct), topic.Title);
            topicCount++;
            var postIds = new List<long> { await FirstPostIdAsync(created.Id, ct) };
            likeCount += await LikeAsync(postEdits, backdated, members, postIds[0], topic.LikedBy, now, ct);

            foreach (var reply in topic.Replies)
            {
                if (reply.ReplyTo is { } replyTo && (replyTo < 1 || replyTo > postIds.Count))
                    throw new InvalidOperationException($"Demo reply by {reply.Author} in \"{topic.Title}\" answers post {replyTo}, which comes later.");
                // Never in the future, whatever the content says.
                backdated.Now = Min(startedAt.AddHours(reply.HoursAfterStart), now.AddMinutes(-1));
                var saved = Require(await replyService.ReplyAsync(
                    new ReplyRequest(members[reply.Author], created.Id, reply.Raw, reply.ReplyTo), ct), topic.Title);
                replyCount++;
                postIds.Add(saved.PostId);
                likeCount += await LikeAsync(postEdits, backdated, members, saved.PostId, reply.LikedBy ?? [], now, ct);
            }
            await RecordReadersAsync(created.Id, topicCount, members.Values, DateOnly.FromDateTime(startedAt.UtcDateTime), ct);
        }

        log.LogInformation("Demo content loaded: {Topics} topics, {Replies} replies by {Members} members", topicCount, replyCount, members.Count);
        return new DemoSummary(false, createdCategories, members.Count, topicCount, replyCount, likeCount);
    }

    /// <summary>Reuses a category whose slug already exists, so demo topics can join a forum that has its own.</summary>
    private async Task<Dictionary<string, (long Id, bool IsNew)>> LoadCategoriesAsync(CancellationToken ct)
    {
        var categoryService = services.GetRequiredService<CategoryService>();
        var existing = (await categories.ListAsync(Site, ct)).ToDictionary(c => c.Slug, c => c.Id, StringComparer.Ordinal);
        var ids = new Dictionary<string, (long Id, bool IsNew)>(StringComparer.Ordinal);
        foreach (var (category, position) in DemoContent.Categories.Select((c, i) => (c, i)))
        {
            if (existing.TryGetValue(category.Slug, out var id))
            {
                ids[category.Slug] = (id, false);
                continue;
            }
            var parentId = category.ParentSlug is { } parent ? ids[parent].Id : (long?)null;
            var created = Require(await categoryService.CreateAsync(Site, new CategoryInput(category.Name, category.Slug,
                category.Description, category.Color, position, parentId, IsReadRestricted: false, GroupIds: []), ct), category.Name);
            ids[category.Slug] = (created, true);
        }
        return ids;
    }

    private async Task<long> FirstPostIdAsync(long topicId, CancellationToken ct)
    {
        var page = await topics.GetPageAsync(topicId, Site, 1, 1, ct)
                   ?? throw new InvalidOperationException($"Demo topic {topicId} vanished while loading.");
        return page.Posts[0].Id;
    }

    /// <summary>
    /// Likes the post that was just written at the clock's moment: each liker some hours after it (the first within
    /// the hour), never in the future. The clock is put back after, as the next post is dated from it.
    /// </summary>
    private static async Task<int> LikeAsync(PostEditService postEdits, BackdatedClock clock, Dictionary<string, Viewer> members, long postId,
        IEnumerable<string> likers, DateTimeOffset now, CancellationToken ct)
    {
        var postedAt = clock.Now;
        var count = 0;
        foreach (var liker in likers)
        {
            clock.Now = Min(postedAt.AddMinutes(40 + 95 * count), now);
            Require(await postEdits.LikeAsync(members[liker], postId, liked: true, ct), $"like by {liker}");
            count++;
        }
        clock.Now = postedAt;
        return count;
    }

    /// <summary>A lived-in forum has readers, not only writers: about two thirds of the members read each topic the day it started.</summary>
    private async Task RecordReadersAsync(long topicId, int topicNumber, IEnumerable<Viewer> members, DateOnly day, CancellationToken ct)
    {
        foreach (var (member, index) in members.Select((m, i) => (m, i)))
            if ((index + topicNumber) % 3 != 0)
                // Counted as a view only (no user id): demo members keep their topics unread for whoever logs in as them.
                await readState.RecordVisitAsync(new TopicVisit(topicId, $"u{member.UserId}", day, null, 0, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), ct);
    }

    /// <summary>Demo content is ours: a refusal means the content or a rule changed, and loading must stop loudly.</summary>
    private static T Require<T>(Outcome<T> outcome, string what) => outcome.Succeeded
        ? outcome.Value!
        : throw new InvalidOperationException($"Demo content refused ({what}): " + string.Join("; ",
            outcome.Errors.Select(e => string.Format(CultureInfo.InvariantCulture, e.Message, e.Args))));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class BackdatedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
