using System.Net.Sockets;
using Forum.Web.Jobs;

using Forum.Tests.Infrastructure;

namespace Forum.Tests.Digests;

/// <summary>The mail server is down when the digest is due, and back when Hangfire retries.</summary>
public sealed class DigestSmtpOutageTests(DigestSmtpOutageTests.MailServerDownAtFirst forum) : IClassFixture<DigestSmtpOutageTests.MailServerDownAtFirst>
{
    public sealed class MailServerDownAtFirst : MailForum
    {
        protected override bool StartsSmtpAtOnce => false;
    }

    [Fact]
    public async Task A_digest_that_failed_while_the_server_was_down_is_sent_exactly_once_when_it_is_back()
    {
        await forum.SetUpAsync("outage-admin");
        var categoryId = await forum.CategoryAsync("Outage news");
        var pia = await forum.UserAsync("pia-patient");
        var author = await forum.UserAsync("quim-writes");
        var topic = await forum.TopicAsync(author, categoryId, "Waiting for the mail server");
        await forum.ReplyAsync(author, topic.Id, "It should come back after the maintenance window.");

        // The failure reaches Hangfire, which retries with back-off ([AutomaticRetry] on SendDigest).
        await Assert.ThrowsAnyAsync<SocketException>(() => forum.SendDigestAsync(pia));
        var failed = await forum.QueryOneAsync<(string State, int Attempts, string? LastError)>(
            "SELECT state, attempts, last_error FROM digest_deliveries WHERE user_id = @pia", new { pia });
        Assert.Equal("claimed", failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);

        await forum.StartSmtpAsync();
        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(pia));
        Assert.Equal(DigestDelivery.AlreadyHandled, await forum.SendDigestAsync(pia));

        var message = await forum.OnlyDigestToAsync(pia);
        Assert.Contains("Waiting for the mail server", message.TextBody);
        Assert.Single(forum.Smtp.Messages());
        var sent = await forum.QueryOneAsync<(string State, int Attempts, string? LastError)>(
            "SELECT state, attempts, last_error FROM digest_deliveries WHERE user_id = @pia", new { pia });
        Assert.Equal(("sent", 2, null), sent);
    }
}
