using Forum.Core.Markdown;
using Forum.Core.Notifications;
using Forum.Core.Posts;

namespace Forum.Web.Jobs;

/// <summary>
/// Re-cooks posts whose HTML came from an older renderer (cooked_version below PostCooker.CookerVersion), a
/// batch at a time, newest first so the posts people read most are fixed first.
/// </summary>
public sealed class RecookPosts(IPostStore posts, MentionService mentions, ILogger<RecookPosts> log)
{
    private const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var recooked = 0;
        while (true)
        {
            var stale = await posts.StaleCookedAsync(PostCooker.CookerVersion, BatchSize, ct);
            if (stale.Count == 0) break;
            var progressed = 0;
            foreach (var post in stale)
            {
                CookedPost cooked;
                try { cooked = await mentions.CookAsync(post.Raw, ct); }
                catch (UnrenderablePostException e)
                {
                    // Saved before rendering had limits: it keeps the HTML it has.
                    log.LogWarning("Post {PostId} was not re-cooked: {Reason}", post.Id, e.Message);
                    continue;
                }
                if (await posts.RecookAsync(post.Id, post.Raw, cooked.Html, cooked.Version, ct)) progressed++;
            }
            recooked += progressed;
            // A batch in which every post changed under us would otherwise be read again forever.
            if (progressed == 0) break;
        }
        if (recooked > 0) log.LogInformation("Re-cooked {Count} posts to renderer version {Version}", recooked, PostCooker.CookerVersion);
        return recooked;
    }
}
