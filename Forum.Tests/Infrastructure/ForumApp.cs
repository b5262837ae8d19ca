using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Infrastructure;

/// <summary>The real forum in memory, over its own fresh database. One per test class (IClassFixture).</summary>
public class ForumApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly AspNetCoreLogProvider HangfireLogs = new(LoggerFactory.Create(_ => { }));

    public string ConnectionString { get; private set; } = "";
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ronda-app-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        ConnectionString = await DatabaseAsync();
        // Building the host runs the migrations; a test then starts from a working forum.
        _ = Services;
        // Hangfire logs through one process-wide provider, which every host built points at its own logger factory;
        // once another test class disposes its host, Hangfire would log into a disposed factory and fail. Tests
        // give it a factory that lives as long as the test run.
        GlobalConfiguration.Configuration.UseLogProvider(HangfireLogs);
    }

    /// <summary>The database this app runs on: a fresh one unless a subclass shares one between apps.</summary>
    protected virtual Task<string> DatabaseAsync() => PostgresCluster.CreateDatabaseAsync();

    /// <summary>Further configuration, e.g. ConnectionStrings:Redis for scale-out tests.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Forum", ConnectionString);
        builder.UseSetting("Forum:DataDirectory", DataDirectory);
        // Tests run jobs directly from the container; a class that tests Hangfire itself turns its server on.
        builder.UseSetting("Forum:Jobs:RunServer", "false");
        // Every test signs members in, signs up and posts from one loopback address, hundreds of times a minute
        // across a class; RateLimitTests sets small limits of its own to show each one.
        foreach (var limit in new[] { "LoginPerAccount", "LoginPerAddress", "SignUpPerAddress", "PasswordResetPerAddress", "PostsPerMember", "PreviewsPerMember" })
            builder.UseSetting($"Forum:RateLimits:{limit}:Permits", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public WebSession Session() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="work"/> with a fresh DI scope, as a request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private int userCounter;

    /// <summary>Creates a member (or admin) through the real sign-up rules; the password is "password-" + name.</summary>
    public Task<long> UserAsync(string username, UserRole role = UserRole.Member, string locale = "en", string timeZone = "UTC") =>
        InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<AccountService>().SignUpAsync(
                new SignUpRequest(username, $"{username}.{Interlocked.Increment(ref userCounter)}@example.org", PasswordOf(username), timeZone, locale), role, default);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value;
        });

    public static string PasswordOf(string username) => "password-" + username;

    public Task<long> CategoryAsync(string name, bool restricted = false, IReadOnlyList<long>? groupIds = null, long? parentId = null) =>
        InScopeAsync(async sp =>
        {
            var slug = Slug.For(name);
            var outcome = await sp.GetRequiredService<CategoryService>().CreateAsync(new Viewer(0, UserRole.Admin),
                new CategoryInput(name, slug, $"About {name}", "0088CC", 0, parentId, restricted, groupIds ?? []), default);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value;
        });

    public Task<CreatedTopic> TopicAsync(long authorId, long categoryId, string title, string body = "The opening post says enough to start a thread.") =>
        InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<TopicService>().CreateAsync(new NewTopicRequest(new Viewer(authorId, UserRole.Member), categoryId, title, body), default);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value!;
        });

    public Task<SavedReply> ReplyAsync(long authorId, long topicId, string body, int? replyTo = null, UserRole role = UserRole.Member) =>
        InScopeAsync(async sp =>
        {
            var outcome = await sp.GetRequiredService<ReplyService>().ReplyAsync(new ReplyRequest(new Viewer(authorId, role), topicId, body, replyTo), default);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.Message)));
            return outcome.Value!;
        });

    /// <summary>The forum after setup: an admin exists, so pages are served instead of the setup wizard.</summary>
    public async Task<long> SetUpAsync(string admin = "admin") => await UserAsync(admin, UserRole.Admin);
}
