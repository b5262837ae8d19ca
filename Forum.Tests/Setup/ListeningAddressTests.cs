using Forum.Tests.Infrastructure;
using Forum.Web.Infrastructure;
using Forum.Web.Jobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Forum.Tests.Setup;

/// <summary>Without Forum:BaseUrl, mail links point where the forum listens, not at a default that may go nowhere.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ListeningAddressTests(ListeningAddressTests.OnKestrelWithoutBaseUrl forum) : IClassFixture<ListeningAddressTests.OnKestrelWithoutBaseUrl>
{
    public sealed class OnKestrelWithoutBaseUrl : ForumApp
    {
        public OnKestrelWithoutBaseUrl() => UseKestrel(0);
    }

    [Fact]
    public async Task Links_in_a_digest_use_the_address_and_port_the_forum_listens_on()
    {
        await forum.SetUpAsync("listen-admin");
        var listening = forum.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var expected = ListeningBaseUrl.FromListeningAddress(listening)!.Value.BaseUrl;
        Assert.NotEqual("http://localhost:5000", expected);
        var categoryId = await forum.CategoryAsync("Listening news");
        var reader = await forum.UserAsync("lis-reader");
        var author = await forum.UserAsync("lis-writer");
        var topic = await forum.TopicAsync(author, categoryId, "Which port does the forum listen on?");
        await forum.ReplyAsync(author, topic.Id, "The one given with --urls, of course.");

        Assert.Equal(DigestDelivery.Sent, await forum.InScopeAsync(sp =>
            sp.GetRequiredService<SendDigest>().RunAsync(reader, DateOnly.FromDateTime(DateTime.UtcNow), default)));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(forum.DataDirectory, "mail"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Contains($"{expected}/t/{topic.Slug}/{topic.Id}", message.TextBody);
        // Written for the forum's own account only: mail carries private excerpts and links.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080", false)]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080", true)]
    [InlineData("http://[::]:8080", "http://localhost:8080", true)]
    [InlineData("http://*:8080", "http://localhost:8080", true)]
    [InlineData("https://forum.coop.example:8443", "https://forum.coop.example:8443", false)]
    public void An_any_address_binding_becomes_localhost_and_is_flagged(string address, string baseUrl, bool isWildcard) =>
        Assert.Equal((baseUrl, isWildcard), ListeningBaseUrl.FromListeningAddress(address));
}
