using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Permissions;
using Forum.Data.Database;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Permissions;

/// <summary>
/// The SQL fragments lists filter with (Forum.Data's Visibility) say what the Guardian says, for every kind of
/// viewer and every state of the row: each fragment is evaluated by PostgreSQL and compared with its Guardian rule.
/// </summary>
public sealed class VisibilityAgreementTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private const long AuthorId = 10;

    /// <summary>Guest, the post's author, another member and a moderator (ids only matter for the author).</summary>
    private static readonly Viewer[] Viewers =
        [Viewer.Guest, new(AuthorId, UserRole.Member), new(20, UserRole.Member), new(30, UserRole.Moderator), new(40, UserRole.Admin)];

    [Fact]
    public async Task The_post_text_fragment_agrees_with_the_guardian()
    {
        const string sql = $"""
            SELECT {Visibility.PostTextReadable}
              FROM (SELECT @DeletedAt::timestamptz AS deleted_at, @HiddenAt::timestamptz AS hidden_at, @AuthorId::bigint AS user_id) p;
            """;
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var now = DateTime.UtcNow;
        var cases = 0;
        foreach (var viewer in Viewers)
        foreach (var deleted in new[] { false, true })
        foreach (var hidden in new[] { false, true })
        {
            var inSql = await conn.QuerySingleAsync<bool>(sql, new
            {
                DeletedAt = deleted ? now : (DateTime?)null, HiddenAt = hidden ? now : (DateTime?)null, AuthorId,
                ViewerId = viewer.UserId, viewer.IsStaff,
            });
            var byGuardian = new Guardian(viewer).CanSeePostText(new PostFacts(AuthorId, 2, deleted, hidden, IsLocked: false)) is null;
            Assert.True(inSql == byGuardian, $"{viewer} deleted={deleted} hidden={hidden}: SQL says {inSql}, Guardian {byGuardian}");
            cases++;
        }
        Assert.Equal(20, cases);
    }

    [Fact]
    public async Task The_topic_and_category_fragments_agree_with_the_guardian()
    {
        await forum.SetUpAsync("admin_agree");
        var insiderId = await forum.UserAsync("insider_agree");
        await using var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var groupId = await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES ('Agreement group') RETURNING id");
        await conn.ExecuteAsync("INSERT INTO group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = insiderId });
        var publicCategory = await forum.CategoryAsync("Agreement public");
        var privateCategory = await forum.CategoryAsync("Agreement private", restricted: true, groupIds: [groupId]);
        var topics = new List<(long Id, bool Restricted, bool Deleted)>();
        foreach (var (category, restricted) in new[] { (publicCategory, false), (privateCategory, true) })
        foreach (var deleted in new[] { false, true })
        {
            var topic = await forum.TopicAsync(insiderId, category, $"Agreement topic {restricted} {deleted}");
            if (deleted) await conn.ExecuteAsync("UPDATE topics SET deleted_at = now() WHERE id = @Id", new { topic.Id });
            topics.Add((topic.Id, restricted, deleted));
        }

        const string sql = $"""
            SELECT {Visibility.TopicReadable} AS topic, {Visibility.CategoryReadable} AS category
              FROM topics t JOIN categories c ON c.id = t.category_id
             WHERE t.id = @TopicId;
            """;
        Viewer[] viewers = [Viewer.Guest, new(insiderId, UserRole.Member), new(-1, UserRole.Member), new(-2, UserRole.Moderator), new(-3, UserRole.Admin)];
        foreach (var viewer in viewers)
        foreach (var (topicId, restricted, deleted) in topics)
        {
            var row = await conn.QuerySingleAsync<(bool Topic, bool Category)>(sql, new { TopicId = topicId, ViewerId = viewer.UserId, viewer.IsStaff });
            var guardian = new Guardian(viewer);
            var seesCategory = guardian.CanSeeCategory(restricted, isViewerInAllowedGroup: viewer.UserId == insiderId) is null;
            var seesTopic = seesCategory && guardian.CanSee(new TopicFacts(deleted, IsClosed: false, IsArchived: false)) is null;
            Assert.True(row.Category == seesCategory, $"{viewer} restricted={restricted}: category SQL {row.Category}, Guardian {seesCategory}");
            Assert.True(row.Topic == seesTopic, $"{viewer} restricted={restricted} deleted={deleted}: topic SQL {row.Topic}, Guardian {seesTopic}");
        }
    }
}
