using System.Globalization;
using System.Text.RegularExpressions;
using Forum.Bench;
using Forum.Data.Database;
using Npgsql;

// dotnet run -c Release --project bench/Forum.Bench -- live [--clients 1000] [--replies 20] [--interval-ms 250]
//                                                          [--page-loops 8] [--page-seconds 10]
if (args is not ["live", .. var rest])
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/Forum.Bench -- live [--clients 1000] [--replies 20] [--interval-ms 250] [--page-loops 8] [--page-seconds 10]");
    return 2;
}
var options = Options(rest);
int Option(string name, int fallback, int max) =>
    options.TryGetValue(name, out var text) ? Math.Clamp(int.Parse(text, CultureInfo.InvariantCulture), 1, max) : fallback;
// Bounded on purpose: this is a measurement on the loopback interface, not a load generator.
var clients = Option("clients", 1000, 5000);
var replies = Option("replies", 20, 200);
var interval = TimeSpan.FromMilliseconds(Option("interval-ms", 250, 10_000));
var pageLoops = Option("page-loops", 8, 64);
var pageSeconds = Option("page-seconds", 10, 120);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

var root = ForumProcess.RepositoryRoot();
var work = Path.Combine(Path.GetTempPath(), "ronda-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
ManagedPostgres? postgres = null;
ForumProcess? forum = null;
try
{
    Progress("Building Forum.Web (Release)");
    var dll = await ForumProcess.BuildAsync(root, ct);

    Progress($"Starting a throwaway PostgreSQL in {work}");
    postgres = await ManagedPostgres.StartAsync(Path.Combine(work, "postgres"), durable: false, ct);
    await using (var admin = new NpgsqlConnection(postgres.ConnectionString("postgres")))
    {
        await admin.OpenAsync(ct);
        await using var create = new NpgsqlCommand("CREATE DATABASE ronda_bench", admin);
        await create.ExecuteNonQueryAsync(ct);
    }
    var connectionString = postgres.ConnectionString("ronda_bench");

    const string adminName = "benchadmin", memberName = "benchmember", password = "bench-password-1";
    await ForumProcess.CliAsync(dll, connectionString, work, ["admin", "create", "--username", adminName, "--email", "admin@bench.example", "--password", password], ct);
    forum = await ForumProcess.StartAsync(dll, root, connectionString, work, ct);
    Progress($"Forum (pid {forum.Pid}) listening on {forum.BaseUrl}");

    // Seed through the pages, as people would: a category, a member, a topic with 20 replies.
    using var adminSession = new ForumSession(forum.BaseUrl);
    await adminSession.LogInAsync(adminName, password, ct);
    await adminSession.SubmitAsync("/admin/categories", "/admin/categories", new Dictionary<string, string>
    {
        ["Input.Name"] = "Benchmarks", ["Input.Slug"] = "benchmarks", ["Input.Description"] = "Where the benchmark talks to itself.",
        ["Input.Color"] = "0088CC", ["Input.Position"] = "0",
    }, ct);
    using var member = new ForumSession(forum.BaseUrl);
    using (var signedUp = await member.PostAsync(await member.TokenAsync("/signup", ct), "/signup", new Dictionary<string, string>
    {
        ["Input.Username"] = memberName, ["Input.Email"] = "member@bench.example", ["Input.Password"] = password, ["Input.TimeZone"] = "UTC",
    }, ct))
        if (signedUp.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"Sign-up answered {(int)signedUp.StatusCode}.");
    // Signing up mails a confirmation link ("check your mail"); the member logs in meanwhile, as unconfirmed members may.
    await member.LogInAsync(memberName, password, ct);
    var newTopicPage = await member.GetAsync("/new-topic", ct);
    var categoryId = Regex.Match(newTopicPage, @"<option value=""(\d+)""[^>]*>Benchmarks</option>").Groups[1].Value;
    var topicPath = await member.SubmitAsync("/new-topic", "/new-topic", new Dictionary<string, string>
    {
        ["Input.Title"] = "How fast does a reply reach a thousand readers?", ["Input.CategoryId"] = categoryId,
        ["Input.Raw"] = "An opening post for the benchmark, long enough to pass the rules, with **Markdown** in it.",
    }, ct);
    var topicId = long.Parse(topicPath[(topicPath.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    var replyToken = await member.TokenAsync(topicPath, ct);
    var adminToken = await adminSession.TokenAsync(topicPath, ct);
    for (var i = 1; i <= 20; i++)
    {
        var (session, token) = i % 2 == 0 ? (adminSession, adminToken) : (member, replyToken);
        using var response = await session.PostAsync(token, topicPath + "?handler=Reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = $"Seed reply {i}: a paragraph with a [link](https://example.org/{i}), some `code` and a list:\n\n- one\n- two\n",
        }, ct);
        ForumSession.RedirectTarget(response);
    }
    var idle = forum.Memory();
    Progress($"Seeded topic {topicPath} with 20 replies; forum RSS {idle.CurrentMiB:F0} MiB");

    Progress($"Page throughput: {pageLoops} loops for {pageSeconds} s (after a 2 s warm-up)");
    var page = await PageThroughput.RunAsync(forum.BaseUrl + topicPath, pageLoops, TimeSpan.FromSeconds(pageSeconds), TimeSpan.FromSeconds(2), ct);
    var afterPages = forum.Memory();

    Progress($"Live fan-out: {clients} SignalR clients, {replies} replies every {interval.TotalMilliseconds:F0} ms");
    var connected = (PeakMiB: 0.0, CurrentMiB: 0.0);
    var live = await new LiveFanOut(forum.BaseUrl, topicId, topicPath, member)
        .RunAsync(clients, replies, interval, Progress, () => { connected = forum.Memory(); return Task.CompletedTask; }, ct);
    var end = forum.Memory();

    Console.WriteLine(Report.Markdown(clients, replies, interval, page, live, idle, afterPages, connected, end));
    return live.Delivered == live.Expected && page.Failures == 0 ? 0 : 1;
}
finally
{
    if (forum is not null) await forum.DisposeAsync();
    if (postgres is not null) await postgres.DisposeAsync();
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException e)
    {
        Progress($"Could not remove {work}: {e.Message}");
    }
    catch (UnauthorizedAccessException e)
    {
        Progress($"Could not remove {work}: {e.Message}");
    }
}

static Dictionary<string, string> Options(string[] rest)
{
    var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    for (var i = 0; i + 1 < rest.Length; i += 2)
        if (rest[i].StartsWith("--", StringComparison.Ordinal)) options[rest[i][2..]] = rest[i + 1];
    return options;
}
