using System.Globalization;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Setup;

/// <summary>`dotnet Forum.Web.dll digest send` as an admin runs it, first while the mail server is down.</summary>
[Collection(ForumProcessCollection.Name)]
public sealed class DigestCliProcessTests(DigestCliProcessTests.MailServerDownAtFirst forum)
    : IClassFixture<DigestCliProcessTests.MailServerDownAtFirst>, IAsyncLifetime
{
    public sealed class MailServerDownAtFirst : MailForum
    {
        protected override bool StartsSmtpAtOnce => false;
    }

    private readonly PrivateCheckout checkout = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => checkout.DisposeAsync().AsTask();

    [Fact]
    public async Task With_the_mail_server_down_the_command_says_so_in_one_sentence_and_a_later_run_sends_the_digest()
    {
        await forum.SetUpAsync("cli-admin");
        var categoryId = await forum.CategoryAsync("Command line news");
        var pia = await forum.UserAsync("pia-cli");
        var author = await forum.UserAsync("quim-cli");
        var topic = await forum.TopicAsync(author, categoryId, "Waiting for the relay to come back");
        await forum.ReplyAsync(author, topic.Id, "The relay is down for maintenance this morning.");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Forum"] = forum.ConnectionString,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = forum.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Forum__BaseUrl"] = MailForum.BaseUrl,
        };
        string[] send = ["digest", "send", "--force", "--user", "pia-cli"];

        var (failedExit, failedOutput) = await checkout.RunAsync(send, settings);
        Assert.Equal(1, failedExit);
        var sentence = Assert.Single(failedOutput.Split('\n'), l => l.StartsWith("Sending the digest", StringComparison.Ordinal));
        Assert.Contains($"mail server 127.0.0.1:{forum.SmtpPort}: Connection refused", sentence);
        Assert.EndsWith("stay due for a later run or the scheduled job.", sentence.TrimEnd());
        Assert.DoesNotContain("   at ", failedOutput);

        await forum.StartSmtpAsync();
        var (exit, output) = await checkout.RunAsync(send, settings);
        Assert.Equal(0, exit);
        Assert.Contains("Digests: 1 due, 1 sent", output);
        var message = await forum.OnlyDigestToAsync(pia);
        Assert.Contains("Waiting for the relay to come back", message.TextBody);
        Assert.Equal(("sent", 2), await forum.QueryOneAsync<(string, int)>(
            "SELECT state, attempts FROM digest_deliveries WHERE user_id = @pia", new { pia }));
    }
}
