using System.Net;
using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Navigation;

/// <summary>/u/{username}/card, the fragment a poster's name opens: who, when for them, and only the activity the reader may see.</summary>
public sealed class UserCardTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task The_card_shows_name_coop_local_time_and_recent_topics_without_leaking_private_activity()
    {
        var admin = await forum.SetUpAsync("admin_card");
        await forum.UserAsync("mod_card", UserRole.Moderator);
        var carla = await forum.UserAsync("carla_card", timeZone: "Asia/Tokyo");
        await forum.UserAsync("outsider_card");
        await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE users SET name = 'Carla Ortiz', organization = 'Cooperativa Tejido' WHERE id = @Id", new { Id = carla });
            var groupId = await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES ('Card board') RETURNING id");
            await conn.ExecuteAsync("INSERT INTO group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = carla });
            var secretCategory = await forum.CategoryAsync("Card secrets", restricted: true, groupIds: [groupId]);
            var open = await forum.CategoryAsync("Card public");
            for (var i = 1; i <= 4; i++) await forum.TopicAsync(carla, open, $"Public topic number {i} by Carla");
            await forum.TopicAsync(carla, secretCategory, "A private topic Carla wrote last");
        }

        using var outsider = forum.Session();
        await outsider.LogInAsync("outsider_card");
        var card = await outsider.OpenAsync("/u/carla_card/card");
        Assert.Equal(HttpStatusCode.OK, card.Status);
        Assert.Null(card.Document.QuerySelector("header.site-header"));      // a fragment, not a page
        Assert.Equal("Carla Ortiz", card.TextOf(".user-card-name"));
        Assert.Equal("@carla_card", card.TextOf(".user-card-username"));
        Assert.Equal("Cooperativa Tejido", card.TextOf(".user-card-coop"));
        var tokyoNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Matches(@"^\d{1,2}:\d{2}(\s[AP]M)? for them \(Asia/Tokyo\)$", card.TextOf(".user-card-time"));
        Assert.Contains(tokyoNow.ToString("%h", System.Globalization.CultureInfo.InvariantCulture), card.TextOf(".user-card-time"));
        Assert.Equal(["Public topic number 4 by Carla", "Public topic number 3 by Carla", "Public topic number 2 by Carla"], card.TextsOf(".user-card-topics a"));
        Assert.DoesNotContain("private topic", card.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(card.Document.QuerySelector(".user-card-moderate"));

        // Someone who may read the private category sees it first.
        using var self = forum.Session();
        await self.LogInAsync("carla_card");
        Assert.Equal("A private topic Carla wrote last", (await self.OpenAsync("/u/carla_card/card")).TextsOf(".user-card-topics a")[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/u/nobody_here/card")).Status);
    }

    [Fact]
    public async Task Moderators_see_a_link_to_the_moderation_page_and_whether_the_member_is_suspended()
    {
        var admin = await forum.SetUpAsync("admin_card2");
        await forum.UserAsync("mod_card2", UserRole.Moderator);
        var suspended = await forum.UserAsync("suspended_card");
        await forum.UserAsync("member_card2");
        await forum.Get<IModerationStore>().SetPenaltyAsync(suspended, PenaltyKind.Suspend, DateTime.UtcNow.AddDays(7), "Spamming", admin, DateTime.UtcNow, default);

        using var moderator = forum.Session();
        await moderator.LogInAsync("mod_card2");
        var card = await moderator.OpenAsync("/u/suspended_card/card");
        Assert.Equal("/u/suspended_card/moderate", card.Document.QuerySelector("a.user-card-moderate")!.GetAttribute("href"));
        Assert.StartsWith("Suspended until", card.TextOf(".user-card-suspended"));
        Assert.Equal("No posts yet.", card.TextOf(".user-card-last-posted"));

        using var member = forum.Session();
        await member.LogInAsync("member_card2");
        var seenByMember = await member.OpenAsync("/u/suspended_card/card");
        Assert.Equal(HttpStatusCode.OK, seenByMember.Status);
        Assert.Null(seenByMember.Document.QuerySelector(".user-card-suspended"));
        Assert.Null(seenByMember.Document.QuerySelector("a.user-card-moderate"));
    }
}
