using Forum.Core.Accounts;
using Forum.Core.Groups;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Live;

public sealed class LivePermissionTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private static readonly Viewer Admin = new(0, UserRole.Admin);

    [Fact]
    public async Task Only_members_of_a_private_categorys_groups_join_or_hear_its_topics_and_removal_stops_it_at_once()
    {
        await forum.SetUpAsync("admin-live");
        var boardId = await forum.InScopeAsync(sp => sp.GetRequiredService<GroupService>().CreateAsync(Admin, "board", default));
        var privateCategory = await forum.CategoryAsync("Board room", restricted: true, groupIds: [boardId.Value]);
        var publicCategory = await forum.CategoryAsync("Town square");
        var insiderId = await forum.UserAsync("insider");
        var outsiderId = await forum.UserAsync("outsider");
        await forum.InScopeAsync(sp => sp.GetRequiredService<GroupService>().AddMemberAsync(Admin, boardId.Value, "insider", default));
        var secret = await forum.TopicAsync(insiderId, privateCategory, "Budget for next year, draft");
        var open = await forum.TopicAsync(outsiderId, publicCategory, "Open questions for everyone");

        await using var insider = await LiveClient.ConnectAsync(forum, "insider");
        await using var outsider = await LiveClient.ConnectAsync(forum, "outsider");
        await using var guest = await LiveClient.ConnectAsync(forum);
        Assert.Equal(1, await insider.Connection.InvokeAsync<int>("WatchTopic", secret.Id));
        foreach (var refused in new[] { outsider, guest })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => refused.Connection.InvokeAsync<int>("WatchTopic", secret.Id));
            Assert.Contains("does not exist or you cannot see it", error.Message);
            await refused.Connection.InvokeAsync("WatchLists");
            await refused.Connection.InvokeAsync<int>("WatchTopic", open.Id);
        }

        // The private reply reaches the insider; the others hear only the public reply that follows it.
        await forum.ReplyAsync(insiderId, secret.Id, "Numbers attached, please review.");
        await insider.ExpectAsync($"PostCreated({secret.Id},2)");
        await forum.ReplyAsync(outsiderId, open.Id, "A public reply everyone may see.");
        foreach (var refused in new[] { outsider, guest })
            await refused.ExpectNoneBeforeAsync($"PostCreated({open.Id},2)", $"PostCreated({secret.Id}", $"TopicListChanged({secret.Id}");

        // Removed from the group, the insider stops hearing of the private topic with the very next post.
        await forum.InScopeAsync(sp => sp.GetRequiredService<GroupService>().RemoveMemberAsync(Admin, boardId.Value, insiderId, default));
        await insider.Connection.InvokeAsync<int>("WatchTopic", open.Id);
        await forum.ReplyAsync(outsiderId, open.Id, "Marker reply in the open topic.");
        await insider.ExpectAsync($"PostCreated({open.Id},3)");
        var adminId = (await forum.Get<IUserStore>().FindByUsernameAsync("admin-live", default))!.Id;
        await forum.ReplyAsync(adminId, secret.Id, "Staff may still post in the board room.", role: UserRole.Admin);
        await forum.ReplyAsync(outsiderId, open.Id, "Another public marker reply.");
        await insider.ExpectNoneBeforeAsync($"PostCreated({open.Id},4)", $"PostCreated({secret.Id}");
    }
}
