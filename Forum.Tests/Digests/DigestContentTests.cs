using AngleSharp.Html.Parser;
using Forum.Web.Jobs;

using Forum.Tests.Infrastructure;

namespace Forum.Tests.Digests;

/// <summary>What a digest says and which headers it carries, read back from a real SMTP server's mailbox.</summary>
public sealed class DigestContentTests(MailForum forum) : IClassFixture<MailForum>
{
    [Fact]
    public async Task A_member_gets_the_window_s_active_topics_counts_and_links_with_one_click_unsubscribe_headers()
    {
        await forum.SetUpAsync("digest-admin");
        var categoryId = await forum.CategoryAsync("Cooperative news");
        var ana = await forum.UserAsync("ana-writes");
        var ben = await forum.UserAsync("ben-replies");
        var rita = await forum.UserAsync("rita-reads");
        await forum.ExecuteAsync("UPDATE users SET name = 'Rita Lectora' WHERE id = @rita", new { rita });
        var busy = await forum.TopicAsync(ana, categoryId, "Shared hosting for three coops",
            "We are pooling **servers** across three cooperatives.\n\nWho wants in? Reply here.");
        await forum.ReplyAsync(ben, busy.Id, "Count our cooperative in, we have spare rack space.");
        await forum.ReplyAsync(ana, busy.Id, "Great, let us meet on Thursday to plan the move.");
        await forum.ReplyAsync(ben, busy.Id, "Thursday works for the whole team here, see you.");
        var quiet = await forum.TopicAsync(ben, categoryId, "A quieter thread about invoices", "Does anyone have a template for invoices?");
        await forum.ReplyAsync(ana, quiet.Id, "Yes, I will share ours tomorrow morning.");
        var fresh = await forum.TopicAsync(ben, categoryId, "Brand new and nobody answered yet", "Looking for a Rust developer for two months.");
        var announcement = await forum.TopicAsync(ana, categoryId, "Assembly dates for the year", "The assembly meets in March and in October.");
        await forum.ExecuteAsync("UPDATE topics SET pinned_at = now(), pinned_globally = true WHERE id = @Id", new { announcement.Id });

        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(rita));

        var message = await forum.OnlyDigestToAsync(rita);
        Assert.StartsWith("[Ronda] Summary, ", message.Subject);
        Assert.Equal("forum@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("Rita Lectora", message.To.Mailboxes.Single().Name);
        Assert.Equal($"digest.{rita}.{MailForum.Today:yyyyMMdd}@forum.example.org", message.MessageId);
        var listUnsubscribe = message.Headers["List-Unsubscribe"]!;
        Assert.Matches(@"^<https://forum\.example\.org/email/unsubscribe/[A-Za-z0-9_-]+>, <mailto:forum@example\.org\?subject=unsubscribe%20[A-Za-z0-9_-]+>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribeUrl = listUnsubscribe[1..listUnsubscribe.IndexOf('>')];

        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Contains("Hi Rita Lectora,", html.Body!.TextContent);
        // Counts: four new topics, eight posts (openers and replies), and the three other members who joined.
        Assert.Equal(["4 New topics", "8 New posts", "3 New members"],
            html.QuerySelectorAll(".digest-count").Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        // Pinned first, then by the window's replies and participants; the unanswered one is among the new topics.
        Assert.Equal(["Assembly dates for the year", "Shared hosting for three coops", "A quieter thread about invoices"],
            html.QuerySelectorAll(".digest-topic-title").Select(a => a.TextContent));
        var newTopic = Assert.Single(html.QuerySelectorAll(".digest-new-topic"));
        Assert.Contains("Brand new and nobody answered yet", newTopic.TextContent);
        Assert.Equal($"https://forum.example.org/t/{fresh.Slug}/{fresh.Id}/1", newTopic.QuerySelector("a")!.GetAttribute("href"));
        var busyBlock = html.QuerySelectorAll(".digest-topic").Single(b => b.TextContent.Contains("Shared hosting"));
        Assert.Equal($"https://forum.example.org/t/{busy.Slug}/{busy.Id}/1", busyBlock.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Cooperative news", busyBlock.TextContent);
        Assert.Contains("We are pooling servers across three cooperatives. Who wants in? Reply here.", busyBlock.TextContent);
        Assert.Contains("3 replies", busyBlock.TextContent);
        Assert.Contains("Pinned", html.QuerySelectorAll(".digest-topic").First().TextContent);
        Assert.Contains("1 reply", html.QuerySelectorAll(".digest-topic").Single(b => b.TextContent.Contains("invoices")).TextContent);
        Assert.Equal(unsubscribeUrl, html.QuerySelector(".digest-unsubscribe")!.GetAttribute("href"));
        Assert.Equal("https://forum.example.org/my/preferences#digest", html.QuerySelector(".digest-settings")!.GetAttribute("href"));
        Assert.Contains("style=", message.HtmlBody);

        var text = message.TextBody;
        Assert.Contains("Hi Rita Lectora,", text);
        Assert.Contains("New topics: 4 · New posts: 8 · New members: 3", text);
        Assert.Contains("[Pinned] Assembly dates for the year", text);
        Assert.Contains($"https://forum.example.org/t/{busy.Slug}/{busy.Id}/1", text);
        Assert.Contains($"https://forum.example.org/t/{fresh.Slug}/{fresh.Id}/1", text);
        Assert.Contains($"Unsubscribe: {unsubscribeUrl}", text);
        Assert.DoesNotContain("**", text);
    }
}
