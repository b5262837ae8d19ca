using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Forum.Tests.Live;

/// <summary>Two forum instances over one PostgreSQL share pushes through SignalR's Redis backplane.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private RedisServer redis = null!;
    private InstanceApp instanceA = null!;
    private InstanceApp instanceB = null!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        var database = await PostgresCluster.CreateDatabaseAsync();
        instanceA = new InstanceApp(database, redis.ConnectionString);
        instanceB = new InstanceApp(database, redis.ConnectionString);
        await instanceA.InitializeAsync();
        await instanceB.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await instanceA.DisposeAsync();
        await instanceB.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_posted_through_one_instance_reaches_a_reader_connected_to_the_other()
    {
        await instanceA.SetUpAsync();
        var categoryId = await instanceA.CategoryAsync("Scale out");
        var authorId = await instanceA.UserAsync("ana-scale");
        await instanceA.UserAsync("ben-scale");
        var topic = await instanceA.TopicAsync(authorId, categoryId, "Two servers, one conversation");

        await using var readerOnB = await LiveClient.ConnectAsync(instanceB, "ben-scale");
        Assert.Equal(1, await readerOnB.Connection.InvokeAsync<int>("WatchTopic", topic.Id));
        await instanceA.ReplyAsync(authorId, topic.Id, "Posted through instance A, read on B.");
        await readerOnB.ExpectAsync($"PostCreated({topic.Id},2)");

        using var session = instanceB.Session();
        var fragment = await session.OpenAsync($"/t/{topic.Id}/posts?after=1");
        Assert.Contains("Posted through instance A", fragment.TextOf("#post-2 .cooked"));
    }

    private sealed class InstanceApp(string database, string redis) : ForumApp
    {
        protected override Task<string> DatabaseAsync() => Task.FromResult(database);

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["ConnectionStrings:Redis"] = redis };
    }
}
