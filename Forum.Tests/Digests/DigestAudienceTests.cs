using System.Globalization;
using AngleSharp.Html.Parser;
using Forum.Core.Accounts;
using Forum.Core.Groups;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

using Forum.Tests.Infrastructure;

namespace Forum.Tests.Digests;

/// <summary>Who sees which topics in their digest, and in which language and time zone.</summary>
public sealed class DigestAudienceTests(MailForum forum) : IClassFixture<MailForum>
{
    [Fact]
    public async Task Topics_of_a_private_category_reach_its_group_s_members_only()
    {
        var admin = new Viewer(await forum.SetUpAsync("audience-admin"), UserRole.Admin);
        var board = (await forum.InScopeAsync(sp => sp.GetRequiredService<GroupService>().CreateAsync(admin, "digest-board", default))).Value;
        var insider = await forum.UserAsync("ines-insider");
        var outsider = await forum.UserAsync("oscar-outsider");
        var author = await forum.UserAsync("paula-posts");
        foreach (var name in new[] { "ines-insider", "paula-posts" })
            await forum.InScopeAsync(sp => sp.GetRequiredService<GroupService>().AddMemberAsync(admin, board, name, default));
        var boardRoom = await forum.CategoryAsync("Board room", restricted: true, groupIds: [board]);
        var square = await forum.CategoryAsync("Town square");
        var secret = await forum.TopicAsync(author, boardRoom, "Budget draft for the board only");
        await forum.ReplyAsync(author, secret.Id, "Second pass at the numbers, still confidential.");
        var open = await forum.TopicAsync(author, square, "Open call for volunteers");
        await forum.ReplyAsync(author, open.Id, "We need three more people for the fair stand.");

        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(insider));
        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(outsider));

        var insiders = await forum.OnlyDigestToAsync(insider);
        Assert.Contains("Budget draft for the board only", insiders.HtmlBody);
        Assert.Contains("Budget draft for the board only", insiders.TextBody);
        Assert.Contains("Open call for volunteers", insiders.TextBody);
        var outsiders = await forum.OnlyDigestToAsync(outsider);
        Assert.Contains("Open call for volunteers", outsiders.TextBody);
        Assert.DoesNotContain("Budget draft", outsiders.HtmlBody);
        Assert.DoesNotContain("Budget draft", outsiders.TextBody);
        Assert.DoesNotContain("Board room", outsiders.HtmlBody);
    }

    [Fact]
    public async Task Muted_own_and_fully_read_topics_are_left_out_and_links_open_at_the_first_unread_post()
    {
        await forum.SetUpAsync("muting-admin");
        var workshop = await forum.CategoryAsync("Workshop");
        var offTopic = await forum.CategoryAsync("Off topic");
        var mia = await forum.UserAsync("mia-mutes");
        var abel = await forum.UserAsync("abel-author");
        var partly = await forum.TopicAsync(abel, workshop, "Partly read discussion on tooling");
        await forum.ReplyAsync(abel, partly.Id, "First reply about the build tooling choices.");
        await forum.ReplyAsync(abel, partly.Id, "Second reply, where Mia stopped reading.");
        await forum.ReplyAsync(abel, partly.Id, "Third reply that Mia has not seen yet.");
        var done = await forum.TopicAsync(abel, workshop, "Read to the very end already");
        await forum.ReplyAsync(abel, done.Id, "The last word that Mia has also read.");
        var muted = await forum.TopicAsync(abel, workshop, "Muted by Mia on purpose");
        await forum.ReplyAsync(abel, muted.Id, "Activity in a topic Mia muted.");
        var own = await forum.TopicAsync(mia, workshop, "Mia started this one herself");
        await forum.ReplyAsync(abel, own.Id, "Abel answers Mia's own topic.");
        var banter = await forum.TopicAsync(abel, offTopic, "Off topic banter about lunch");
        await forum.ReplyAsync(abel, banter.Id, "Lunch talk continues in the muted category.");
        await forum.ExecuteAsync("""
            INSERT INTO topic_users (user_id, topic_id, last_read_post_number, notification_level)
            VALUES (@mia, @partly, 2, 1), (@mia, @done, 2, 2), (@mia, @muted, 0, 0);
            INSERT INTO category_users (user_id, category_id, notification_level) VALUES (@mia, @offTopic, 0);
            """, new { mia, partly = partly.Id, done = done.Id, muted = muted.Id, offTopic });

        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(mia));

        var message = await forum.OnlyDigestToAsync(mia);
        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        var link = html.QuerySelectorAll(".digest-topic-title").Single(a => a.TextContent == "Partly read discussion on tooling");
        Assert.Equal($"{MailForum.BaseUrl}/t/{partly.Slug}/{partly.Id}/3", link.GetAttribute("href"));
        foreach (var absent in new[] { "Read to the very end", "Muted by Mia", "Mia started this one", "Off topic banter" })
        {
            Assert.DoesNotContain(absent, message.HtmlBody);
            Assert.DoesNotContain(absent, message.TextBody);
        }
    }

    [Fact]
    public async Task A_Spanish_speaking_member_reads_it_in_Spanish_with_times_in_her_zone()
    {
        await forum.SetUpAsync("spanish-admin");
        var categoryId = await forum.CategoryAsync("Cooperativas del sur");
        var sofia = await forum.UserAsync("sofia-es", locale: "es", timeZone: "America/Argentina/Buenos_Aires");
        var author = await forum.UserAsync("tomas-escribe");
        var topic = await forum.TopicAsync(author, categoryId, "Encuentro regional de cooperativas", "Nos vemos en Rosario en **abril**.");
        await forum.ReplyAsync(author, topic.Id, "Confirmamos la sala para cuarenta personas.");

        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(sofia));

        var message = await forum.OnlyDigestToAsync(sofia);
        Assert.StartsWith("[Ronda] Resumen, del ", message.Subject);
        Assert.Contains("Hola, sofia-es:", message.TextBody);
        Assert.Contains("Temas populares", message.HtmlBody);
        Assert.Contains("TEMAS POPULARES", message.TextBody);
        Assert.Contains("Darse de baja", message.TextBody);
        Assert.Contains("<html lang=\"es\">", message.HtmlBody);
        var lastPostedAt = await forum.QueryOneAsync<DateTime>("SELECT last_posted_at FROM topics WHERE id = @Id", new { topic.Id });
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(lastPostedAt, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById("America/Argentina/Buenos_Aires"));
        Assert.Contains($"Última actividad: {local.ToString("d MMM, HH:mm", new CultureInfo("es"))}", message.TextBody);
    }
}
