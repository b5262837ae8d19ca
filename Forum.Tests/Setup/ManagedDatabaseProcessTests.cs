using System.Net;
using System.Text.RegularExpressions;
using Forum.Data.Database;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Setup;

/// <summary>
/// A newcomer's first run: the built forum copied into a private folder (0700, like a checkout under /root),
/// started with `dotnet Forum.Web.dll` and no connection string, so it runs its own PostgreSQL; then the
/// cluster and the forum are killed the way crashes and impatient admins do.
/// </summary>
[Collection(ForumProcessCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class ManagedDatabaseProcessTests(ManagedDatabaseProcessTests.Checkout checkout) : IClassFixture<ManagedDatabaseProcessTests.Checkout>
{
    /// <summary>One checkout for the class: its cluster is made once, and each test starts (and stops) its own forum on it.</summary>
    public sealed class Checkout : PrivateCheckout, IAsyncLifetime
    {
        public Task InitializeAsync() => Task.CompletedTask;

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    [Fact]
    public async Task From_a_private_folder_the_forum_reaches_the_setup_page_over_a_cluster_that_only_takes_its_password()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(checkout.Root));
        await using var forum = await checkout.StartAsync();

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var home = await http.GetAsync(forum.BaseUrl + "/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location!.OriginalString.Replace(forum.BaseUrl, "", StringComparison.Ordinal));
        var setup = await http.GetStringAsync(forum.BaseUrl + "/setup");
        Assert.Contains("<form", setup);

        // The postgres user cannot enter the private folder, so the cluster went where it can, and the log says where.
        var cluster = checkout.ClusterFolder;
        Assert.StartsWith(ManagedPostgres.RelocationRoot + "/", cluster);
        Assert.Contains($"cluster is placed in {cluster}", checkout.Output);
        Assert.DoesNotContain("   at ", forum.Output);

        Assert.Empty(ManagedPostgres.PasswordlessHbaLines(cluster));
        var passwordFile = Path.Combine(checkout.DataFolder, "postgres.password");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(checkout.DataFolder, "keys")));
        var port = int.Parse(File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"))[3]);
        // Any local account used to be let in as superuser; now the server asks for the password, and checks it.
        var asked = await Assert.ThrowsAsync<NpgsqlException>(() =>
            OpenAsync($"Host=127.0.0.1;Port={port};Username=postgres;Database=forum;Pooling=false"));
        Assert.Contains("the backend requires one", asked.Message);
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            OpenAsync($"Host=127.0.0.1;Port={port};Username=postgres;Password=guessed;Database=forum;Pooling=false"));
        Assert.Equal("28P01", refused.SqlState);
        await OpenAsync($"Host=127.0.0.1;Port={port};Username=postgres;Password={File.ReadAllText(passwordFile).Trim()};Database=forum;Pooling=false");

        // A command run beside the live forum shares its server (same password file) and leaves it running.
        var (exitCode, output) = await checkout.RunAsync(["digest", "send", "--force"]);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Digests: 0 due", output);
        await forum.WaitForHealthAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, await forum.StopAsync());
        Assert.False(File.Exists(Path.Combine(cluster, "postmaster.pid")));
    }

    [Fact]
    public async Task A_killed_cluster_is_restarted_and_after_the_forum_is_killed_the_next_start_owns_the_cluster_and_stops_it()
    {
        var first = await checkout.StartAsync();
        var cluster = checkout.ClusterFolder;
        var postmaster = int.Parse(File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"))[0]);

        Assert.Equal(0, Kill(postmaster, 9));
        await first.WaitForOutputAsync("The managed PostgreSQL had stopped and was started again", TimeSpan.FromSeconds(30));
        await first.WaitForHealthAsync(TimeSpan.FromSeconds(30));
        var restarted = int.Parse(File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"))[0]);
        Assert.NotEqual(postmaster, restarted);

        // Killed outright, the forum leaves its PostgreSQL running; the next start takes it over.
        await first.KillAsync();
        Assert.True(ForumProcess.IsLivePostgres(restarted));
        var second = await checkout.StartAsync();
        Assert.Contains("left running by an earlier forum process", second.Output);
        var owned = int.Parse(File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"))[0]);

        Assert.Equal(0, await second.StopAsync());
        Assert.False(File.Exists(Path.Combine(cluster, "postmaster.pid")));
        Assert.False(ForumProcess.IsLivePostgres(owned));
    }

    [Fact]
    public async Task A_managed_database_that_cannot_start_stops_the_forum_with_one_sentence_and_exit_code_1()
    {
        // A data folder inside a file: nothing can be created there.
        var file = Path.Combine(checkout.Root, "not-a-folder");
        await File.WriteAllTextAsync(file, "");
        var forum = await checkout.StartAsync(new Dictionary<string, string> { ["Forum__DataDirectory"] = Path.Combine(file, "data") }, waitUntilHealthy: false);

        Assert.Equal(1, await forum.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Matches(CouldNotStart(), forum.Output);
        Assert.DoesNotContain("   at ", forum.Output);
        Assert.DoesNotContain("Exception", forum.Output);
    }

    [Fact]
    public async Task Mail_links_follow_the_address_given_with_urls()
    {
        var port = SmtpSink.FreePort();
        await using var forum = await checkout.StartAsync(args: ["--urls", $"http://127.0.0.1:{port}"]);
        Assert.Contains($"links in mail point to http://127.0.0.1:{port}", forum.Output);
        Assert.Equal(0, await forum.StopAsync());
    }

    [GeneratedRegex(@"crit: [^\n]+\n\s+The managed PostgreSQL in [^\n]+ could not be started: [^\n]+\.\n")]
    private static partial Regex CouldNotStart();

    private static async Task OpenAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
