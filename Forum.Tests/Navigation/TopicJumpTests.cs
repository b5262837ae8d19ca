using System.Net;
using Dapper;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Navigation;

/// <summary>The position indicator of a long topic without script: where the reader is, and jumps by post number, date and last read.</summary>
public sealed class TopicJumpTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task The_indicator_shows_the_position_and_its_form_jumps_to_a_post_number_or_the_first_post_on_a_date()
    {
        await forum.SetUpAsync("admin_jump");
        var author = await forum.UserAsync("jump_author");
        await forum.UserAsync("jump_reader", timeZone: "America/Mexico_City");
        var category = await forum.CategoryAsync("Long threads");
        var topic = await forum.TopicAsync(author, category, "A long thread across the autumn");
        for (var n = 2; n <= 45; n++) await forum.ReplyAsync(author, topic.Id, $"Reply number {n} in the long thread.");
        // Post n was written n days after 2026-09-01 at noon UTC.
        await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE posts SET created_at = timestamptz '2026-09-01 12:00Z' + post_number * interval '1 day' WHERE topic_id = @Id", new { topic.Id });
        var url = $"/t/{topic.Slug}/{topic.Id}";

        using var guest = forum.Session();
        var first = await guest.OpenAsync(url);
        Assert.Equal("1 / 45", first.TextOf(".topic-position summary"));
        Assert.Equal("1 / 45: jump to a post or a date", first.Document.QuerySelector(".topic-position summary")!.GetAttribute("aria-label"));
        Assert.Null(first.Document.QuerySelector(".back-to-last-read"));
        Assert.NotNull(first.Document.QuerySelector("nav.pagination a[rel=next]"));

        var form = first.Document.QuerySelector("form.jump-form")!;
        Assert.Equal(("get", url), (form.GetAttribute("method"), form.GetAttribute("action")));
        var byNumber = await guest.GetAsync($"{url}?post=33&date=");
        Assert.Equal(HttpStatusCode.Redirect, byNumber.Status);
        Assert.Equal($"{url}/33", byNumber.Location);
        var landed = await guest.OpenAsync(byNumber.Location!);
        Assert.Equal("33 / 45", landed.TextOf(".topic-position summary"));
        Assert.NotNull(landed.Document.QuerySelector("#post-33"));

        // 2026-10-01 starts with post 30 (written 2026-10-01 12:00 UTC); past the last post lands on the last.
        var byDate = await guest.GetAsync($"{url}?date=2026-10-01");
        Assert.Equal($"{url}/30", byDate.Location);
        Assert.Equal($"{url}/45", (await guest.GetAsync($"{url}?date=2027-01-01")).Location);

        var wrong = await guest.GetAsync($"{url}?date=next+tuesday");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("is not a date", wrong.TextOf(".topic-position .field-error"));
        Assert.Equal("next tuesday", wrong.Document.QuerySelector("input.jump-date")!.GetAttribute("value"));

        // The day is the reader's: 2026-10-01 in Mexico City begins at 06:00 UTC, after post 29 (2026-09-30 12:00 UTC).
        using var reader = forum.Session();
        await reader.LogInAsync("jump_reader");
        Assert.Equal($"{url}/30", (await reader.GetAsync($"{url}?date=2026-10-01")).Location);
    }

    [Fact]
    public async Task A_member_elsewhere_in_the_topic_gets_back_to_where_they_left_off_and_a_private_topic_stays_hidden()
    {
        await forum.SetUpAsync("admin_lastread");
        var author = await forum.UserAsync("lastread_author");
        await forum.UserAsync("lastread_reader");
        var category = await forum.CategoryAsync("Reading positions");
        var topic = await forum.TopicAsync(author, category, "A thread read in two sittings");
        for (var n = 2; n <= 45; n++) await forum.ReplyAsync(author, topic.Id, $"Reply number {n} to read later.");
        var url = $"/t/{topic.Slug}/{topic.Id}";

        using var reader = forum.Session();
        await reader.LogInAsync("lastread_reader");
        await reader.OpenAsync(url);                       // reads posts 1-20
        var later = await reader.OpenAsync($"{url}/44");
        Assert.Equal($"{url}/20", later.Document.QuerySelector(".back-to-last-read")!.GetAttribute("href"));
        Assert.Contains("post 20", later.TextOf(".back-to-last-read"));

        long groupId;
        await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            groupId = await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES ('Circle') RETURNING id");
            await conn.ExecuteAsync("INSERT INTO group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = author });
        }
        var secretCategory = await forum.CategoryAsync("Closed circle", restricted: true, groupIds: [groupId]);
        var secret = await forum.TopicAsync(author, secretCategory, "A thread only staff can read");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/t/{secret.Slug}/{secret.Id}?date=2026-01-01")).Status);
    }
}
