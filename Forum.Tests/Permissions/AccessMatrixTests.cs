using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Forum.Core.Accounts;
using Forum.Core.Groups;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Tests.Permissions;

/// <summary>
/// Every kind of viewer against every kind of protected content on every read surface: the answer each gets, and
/// the protected text (a token in the content's title and body) never in the body of a refused or filtered answer.
/// One forum and one scene for the whole class; each cell is one request.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.Scene scene) : IClassFixture<AccessMatrixTests.Scene>
{
    public static readonly string[] Viewers = ["guest", "member", "insider", "author", "moderator", "admin", "silenced", "suspended", "removed"];

    /// <summary>Topic-level content: a whole topic is protected (or, unlisted, only kept out of lists).</summary>
    public static readonly string[] Topics = ["public", "private", "deleted-topic", "unlisted", "moved"];

    /// <summary>Post-level content: one post in an otherwise public topic.</summary>
    public static readonly string[] Posts = ["flag-hidden", "deleted-post"];

    public static readonly string[] TopicSurfaces =
        ["topic page", "post fragment", "fragments after", "state json", "latest", "category page", "categories", "profile", "revisions", "quote", "posts json"];

    public static readonly string[] PostSurfaces = ["topic page", "post fragment", "fragments after", "profile", "revisions", "quote"];

    /// <summary>Who may read each content's text: the rule as a member of the forum would state it.</summary>
    private static bool Reads(string viewer, string content) => content switch
    {
        "public" or "unlisted" => true,
        "private" or "moved" => viewer is "insider" or "author" or "moderator" or "admin",
        "flag-hidden" => viewer is "author" or "moderator" or "admin",
        _ => viewer is "moderator" or "admin",   // deleted topic, deleted post
    };

    private static bool IsStaff(string viewer) => viewer is "moderator" or "admin";

    public static TheoryData<string, string, string> Cells()
    {
        var cells = new TheoryData<string, string, string>();
        foreach (var viewer in Viewers)
        {
            foreach (var content in Topics)
            foreach (var surface in TopicSurfaces)
                cells.Add(viewer, content, surface);
            foreach (var content in Posts)
            foreach (var surface in PostSurfaces)
                cells.Add(viewer, content, surface);
        }
        return cells;
    }

    [Theory, MemberData(nameof(Cells))]
    public async Task Each_viewer_gets_the_allowed_answer_and_never_text_it_may_not_read(string viewer, string content, string surface)
    {
        var session = scene.Sessions[viewer];
        var item = scene.Content[content];
        var reads = Reads(viewer, content);
        var isTopic = item.PostNumber == 1;
        // Lists show readable topics that are listed; the profile also leaves deleted posts out, even for staff.
        var listed = reads && content != "unlisted";

        switch (surface)
        {
            case "topic page":
            {
                var page = await session.GetAsync(item.TopicUrl);
                AssertAnswer(isTopic && !reads ? HttpStatusCode.NotFound : HttpStatusCode.OK, page);
                AssertText(reads, page);
                break;
            }
            case "post fragment":
            {
                var page = await session.GetAsync($"/t/{item.TopicId}/posts/{item.PostNumber}");
                AssertAnswer(isTopic && !reads ? HttpStatusCode.NotFound : HttpStatusCode.OK, page);
                AssertText(reads, page);
                break;
            }
            case "fragments after":
            {
                var page = await session.GetAsync($"/t/{item.TopicId}/posts?after={item.PostNumber - 1}");
                AssertAnswer(isTopic && !reads ? HttpStatusCode.NotFound : HttpStatusCode.OK, page);
                AssertText(reads, page);
                break;
            }
            case "state json":
            {
                var page = await session.GetAsync($"/t/{item.TopicId}/state");
                AssertAnswer(reads ? HttpStatusCode.OK : HttpStatusCode.NotFound, page);
                if (!reads) Assert.Equal("not_found", JsonDocument.Parse(page.Text).RootElement.GetProperty("error_type").GetString());
                AssertText(reads, page);
                break;
            }
            case "latest":
            {
                var page = await session.GetAsync("/latest");
                AssertAnswer(HttpStatusCode.OK, page);
                AssertText(listed, page);
                break;
            }
            case "category page":
            {
                var page = await session.GetAsync(item.CategoryUrl);
                var readsCategory = item.CategoryUrl == scene.PublicCategoryUrl || Reads(viewer, "private");
                AssertAnswer(readsCategory ? HttpStatusCode.OK : HttpStatusCode.NotFound, page);
                AssertText(listed, page);
                break;
            }
            case "categories":
            {
                // The private category's row, name and counts, only for those who may read it.
                var page = await session.GetAsync("/categories");
                AssertAnswer(HttpStatusCode.OK, page);
                Assert.Equal(Reads(viewer, "private"), page.Text.Contains(Scene.PrivateCategoryName));
                AssertText(false, page);
                break;
            }
            case "profile":
            {
                var page = await session.GetAsync($"/u/{Scene.Writer}");
                AssertAnswer(HttpStatusCode.OK, page);
                AssertText(listed && content is not ("deleted-post" or "deleted-topic"), page);
                break;
            }
            case "revisions":
            {
                var page = await session.GetAsync($"/p/{item.PostId}/revisions");
                var refused = content == "flag-hidden" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                AssertAnswer(reads ? HttpStatusCode.OK : refused, page);
                AssertText(reads, page);
                break;
            }
            case "quote":
            {
                var page = await session.GetAsync($"{item.TopicUrl}?quote={item.PostNumber}");
                AssertAnswer(isTopic && !reads ? HttpStatusCode.NotFound : HttpStatusCode.OK, page);
                AssertText(reads, page);
                // The reply box takes the quote only for a member who may read the text and reply there (nobody
                // replies in a deleted topic; a suspended member's session may already be gone, so theirs is not asserted).
                if (viewer != "suspended")
                {
                    var box = page.Document.QuerySelector("#reply textarea")?.TextContent ?? "";
                    Assert.Equal(reads && viewer != "guest" && content != "deleted-topic", box.Contains(item.Token));
                }
                break;
            }
            case "posts json":
            {
                // Replying through the API to a topic the viewer may not read: not found (or, for a guest, log in first).
                if (reads) return;
                var answer = await PostJsonAsync(session, item.TopicId);
                var allowed = viewer switch
                {
                    "guest" => [HttpStatusCode.Forbidden],
                    "suspended" => new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound },
                    _ => [HttpStatusCode.NotFound],
                };
                Assert.Contains(answer.Status, allowed);
                var errorType = JsonDocument.Parse(answer.Text).RootElement.GetProperty("error_type").GetString();
                Assert.Equal(answer.Status == HttpStatusCode.NotFound ? "not_found" : "invalid_access", errorType);
                AssertText(false, answer);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(surface), surface, null);
        }

        void AssertAnswer(HttpStatusCode expected, WebSession.Page page) =>
            Assert.True(expected == page.Status, $"{viewer} × {content} × {surface}: expected {(int)expected}, got {(int)page.Status}");

        void AssertText(bool present, WebSession.Page page) =>
            Assert.True(present == page.Text.Contains(item.Token),
                $"{viewer} × {content} × {surface}: the protected text is {(present ? "missing" : "present")}");
    }

    [Fact]
    public void The_matrix_covers_every_viewer_content_and_surface() =>
        Assert.Equal(Viewers.Length * (Topics.Length * TopicSurfaces.Length + Posts.Length * PostSurfaces.Length), Cells().Count);

    private static async Task<WebSession.Page> PostJsonAsync(WebSession session, long topicId)
    {
        var csrf = await session.Client.GetFromJsonAsync<JsonElement>("/session/csrf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/posts.json")
        {
            Content = JsonContent.Create(new { topic_id = topicId, raw = "A reply that must never be stored here." }),
        };
        request.Headers.Add("X-CSRF-Token", csrf.GetProperty("csrf").GetString());
        return await WebSession.Page.ReadAsync(await session.Client.SendAsync(request));
    }

    /// <summary>One protected thing: where it lives and the token its title or body carries.</summary>
    public sealed record Item(long TopicId, string TopicUrl, string CategoryUrl, int PostNumber, long PostId, string Token);

    /// <summary>The forum, its content and one signed-in session per kind of viewer, built once for the class.</summary>
    public sealed class Scene : IAsyncLifetime
    {
        public const string Writer = "matrix_writer";
        public const string PrivateCategoryName = "Matrix treasury";

        private readonly ForumApp forum = new();
        public Dictionary<string, WebSession> Sessions { get; } = [];
        public Dictionary<string, Item> Content { get; } = [];
        public string PublicCategoryUrl { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await forum.InitializeAsync();
            var adminId = await forum.UserAsync("matrix_admin", UserRole.Admin);
            var moderatorId = await forum.UserAsync("matrix_moderator", UserRole.Moderator);
            var writerId = await forum.UserAsync(Writer);
            var insiderId = await forum.UserAsync("matrix_insider");
            var removedId = await forum.UserAsync("matrix_removed");
            var silencedId = await forum.UserAsync("matrix_silenced");
            var suspendedId = await forum.UserAsync("matrix_suspended");
            var flaggerId = await forum.UserAsync("matrix_member");
            var staff = new Viewer(moderatorId, UserRole.Moderator);
            var admin = new Viewer(adminId, UserRole.Admin);

            long groupId;
            await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
            {
                groupId = await conn.ExecuteScalarAsync<long>("INSERT INTO groups (name) VALUES ('Matrix treasurers') RETURNING id");
                foreach (var member in new[] { writerId, insiderId, removedId })
                    await conn.ExecuteAsync("INSERT INTO group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = member });
            }
            var publicCategory = await forum.CategoryAsync("Matrix commons");
            var privateCategory = await forum.CategoryAsync(PrivateCategoryName, restricted: true, groupIds: [groupId]);
            PublicCategoryUrl = $"/c/matrix-commons/{publicCategory}";
            var privateCategoryUrl = $"/c/matrix-treasury/{privateCategory}";

            async Task<CreatedTopic> TopicAsync(string key, long categoryId, string categoryUrl)
            {
                var token = $"tok{key.Replace("-", "")}secret";
                var topic = await forum.TopicAsync(writerId, categoryId, $"Matrix topic {token}", $"The opening post carries {token} in its text.");
                Content[key] = new Item(topic.Id, $"/t/{topic.Slug}/{topic.Id}", categoryUrl, 1, await FirstPostIdAsync(topic.Id), token);
                return topic;
            }

            await TopicAsync("public", publicCategory, PublicCategoryUrl);
            await TopicAsync("private", privateCategory, privateCategoryUrl);
            var deleted = await TopicAsync("deleted-topic", publicCategory, PublicCategoryUrl);
            var unlisted = await TopicAsync("unlisted", publicCategory, PublicCategoryUrl);
            var moved = await TopicAsync("moved", publicCategory, PublicCategoryUrl);
            Content["moved"] = Content["moved"] with { CategoryUrl = privateCategoryUrl };

            // A public thread whose post 2 is hidden after a flag and whose post 3 its author deleted.
            var host = await forum.TopicAsync(writerId, publicCategory, "Matrix host thread for post states");
            var hidden = await forum.ReplyAsync(writerId, host.Id, "This reply carries tokflaghiddensecret and gets flagged.");
            var gone = await forum.ReplyAsync(writerId, host.Id, "This reply carries tokdeletedpostsecret and gets deleted.");
            var hostUrl = $"/t/{host.Slug}/{host.Id}";
            Content["flag-hidden"] = new Item(host.Id, hostUrl, PublicCategoryUrl, hidden.PostNumber, hidden.PostId, "tokflaghiddensecret");
            Content["deleted-post"] = new Item(host.Id, hostUrl, PublicCategoryUrl, gone.PostNumber, gone.PostId, "tokdeletedpostsecret");

            await forum.InScopeAsync(async sp =>
            {
                var flags = sp.GetRequiredService<FlagService>();
                Assert.True((await flags.FlagAsync(new Viewer(flaggerId, UserRole.Member), hidden.PostId, FlagReason.Inappropriate, "", default)).Succeeded);
                Assert.True((await flags.DecideAsync(staff, hidden.PostId, FlagDecision.Agree, default)).Succeeded);
                Assert.True((await sp.GetRequiredService<PostEditService>().DeleteAsync(new Viewer(writerId, UserRole.Member), gone.PostId, default)).Succeeded);
                var moderation = sp.GetRequiredService<TopicModerationService>();
                Assert.True((await moderation.SetDeletedAsync(staff, deleted.Id, true, default)).Succeeded);
                Assert.True((await moderation.MoveAsync(staff, moved.Id, privateCategory, default)).Succeeded);
                Assert.True((await sp.GetRequiredService<TopicStatusService>().SetListedAsync(staff, unlisted.Id, false, default)).Succeeded);
                return true;
            });

            // The author's notices of these moderator actions name the topics in every page's menu, deleted ones
            // included, by design; the matrix is about the surfaces, so the author starts with none.
            await using (var conn = await forum.Get<NpgsqlDataSource>().OpenConnectionAsync())
                await conn.ExecuteAsync("DELETE FROM notifications WHERE user_id = @WriterId", new { WriterId = writerId });

            Sessions["guest"] = forum.Session();
            foreach (var (viewer, username) in new[]
                     {
                         ("member", "matrix_member"), ("insider", "matrix_insider"), ("author", Writer), ("moderator", "matrix_moderator"),
                         ("admin", "matrix_admin"), ("silenced", "matrix_silenced"), ("suspended", "matrix_suspended"), ("removed", "matrix_removed"),
                     })
            {
                var session = forum.Session();
                await session.LogInAsync(username);
                Sessions[viewer] = session;
            }

            // Penalties and the group removal land after these members signed in, while their sessions are open.
            await forum.InScopeAsync(async sp =>
            {
                var penalties = sp.GetRequiredService<PenaltyService>();
                var until = DateTime.UtcNow.AddDays(1);
                Assert.True((await penalties.SetAsync(staff, silencedId, PenaltyKind.Silence, until, "Matrix silence", default)).Succeeded);
                Assert.True((await penalties.SetAsync(staff, suspendedId, PenaltyKind.Suspend, until, "Matrix suspension", default)).Succeeded);
                Assert.True((await sp.GetRequiredService<GroupService>().RemoveMemberAsync(admin, groupId, removedId, default)).Succeeded);
                return true;
            });
        }

        private Task<long> FirstPostIdAsync(long topicId) =>
            forum.InScopeAsync(async sp => (await sp.GetRequiredService<IPostStore>().FindByNumberAsync(topicId, 1, new Viewer(0, UserRole.Admin), default))!.Id);

        public async Task DisposeAsync()
        {
            foreach (var session in Sessions.Values) session.Dispose();
            await forum.DisposeAsync();
        }
    }
}
