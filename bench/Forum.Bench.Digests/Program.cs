using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Forum.Bench.Digests;
using Forum.Core;
using Forum.Core.Digests;
using Forum.Data;
using Forum.Data.Database;
using Forum.Data.Migrations;
using Forum.Web.Digests;
using Forum.Web.Infrastructure;
using Forum.Web.Jobs;
using Forum.Web.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Composes and sends the digests of 10,000 members over 100,000+ posts through the real SendDigest job, to a
// real SMTP server (aiosmtpd) on loopback, and reports messages per second and peak memory.
const int Members = 10_000, Topics = 5_000, Replies = 100_000, Parallelism = 8;

var work = Path.Combine(Path.GetTempPath(), "ronda-bench-digests-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
await using var postgres = await ManagedPostgres.StartAsync(Path.Combine(work, "postgres"), durable: false);
var connectionString = postgres.ConnectionString("forum_bench") + ";Maximum Pool Size=50";
await MigrationRunner.MigrateAsync(connectionString, NullLogger.Instance);

var clock = Stopwatch.StartNew();
await using (var seedDb = NpgsqlDataSource.Create(connectionString))
{
    await Seed.RunAsync(seedDb, Members, Topics, Replies);
    await using var counts = seedDb.CreateCommand("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM topics), (SELECT count(*) FROM posts)");
    await using var reader = await counts.ExecuteReaderAsync();
    await reader.ReadAsync();
    Console.WriteLine($"Seeded {reader.GetInt64(0):N0} members, {reader.GetInt64(1):N0} topics, {reader.GetInt64(2):N0} posts in {clock.Elapsed.TotalSeconds:F1} s");
}

var smtpPort = FreePort();
var maildir = Path.Combine(work, "maildir");
using var smtp = StartSmtpServer(smtpPort, maildir);
await WaitForPortAsync(smtpPort);

var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Forum:Title"] = "Ronda",
    ["Forum:DataDirectory"] = Path.Combine(work, "data"),
    ["Forum:BaseUrl"] = "https://bench.example.org",
    ["Smtp:Host"] = "127.0.0.1",
    ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
    ["Smtp:From"] = "Ronda <forum@bench.example.org>",
}).Build();
// The forum's own registrations, minus the web host: Core, Data, mail, digests and the job itself.
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(config)
    .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
    .AddLocalization(options => options.ResourcesPath = "Resources");
services.AddOptions<ForumOptions>().BindConfiguration("Forum");
services.AddForumCore();
services.AddForumData(_ => connectionString);
services.AddForumDataProtection();
services.AddForumMail();
services.AddForumDigests();
services.AddScoped<SendDigest>();
await using var provider = services.BuildServiceProvider();

var now = DateTime.UtcNow;
var due = await provider.GetRequiredService<IDigestStore>().DueAsync(now, ignoreHour: true, null, int.MaxValue, default);
Console.WriteLine($"{due.Count:N0} members due (every member, ignoring the hour, as `digest send --force` does)");

// First, composing alone (the queries and the mail, no claim and no SMTP), to see where the time goes.
clock.Restart();
var composed = 0L;
await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (digest, ct) =>
{
    await using var scope = provider.CreateAsyncScope();
    var built = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(digest.UserId, digest.Period, now, ct);
    if (built.IsEmpty) return;
    var mail = scope.ServiceProvider.GetRequiredService<DigestMail>().Compose(built);
    Interlocked.Add(ref composed, mail.Html.Length + mail.Text.Length);
});
var composeSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"Composed {due.Count:N0} digests in {composeSeconds:F1} s: {due.Count / composeSeconds:F0} per second ({composed / due.Count / 1024.0:F1} KiB of HTML and text each)");

// Then the real thing: SendDigest claims, builds, sends over SMTP and marks each member's window.
clock.Restart();
var results = new int[3];
await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (digest, ct) =>
{
    await using var scope = provider.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<SendDigest>().RunAsync(digest.UserId, digest.Period, ct);
    Interlocked.Increment(ref results[(int)result]);
});
var sendSeconds = clock.Elapsed.TotalSeconds;
var sent = results[(int)DigestDelivery.Sent];
var received = Directory.Exists(Path.Combine(maildir, "new")) ? Directory.GetFiles(Path.Combine(maildir, "new")).Length : 0;
var peakMiB = PeakMemoryMiB();
smtp.Refresh();
var smtpCpuSeconds = smtp.TotalProcessorTime.TotalSeconds;
Console.WriteLine($"Sent {sent:N0} digests ({results[(int)DigestDelivery.Skipped]:N0} skipped, nothing new) in {sendSeconds:F1} s: " +
                  $"{sent / sendSeconds:F0} messages per second; the SMTP server holds {received:N0} messages");
Console.WriteLine($"Peak memory (VmHWM): {peakMiB:F0} MiB; the SMTP server (one Python process) used {smtpCpuSeconds:F0} s of CPU while sending");

var machine = $"{Environment.ProcessorCount} cores ({Cpu()}), {MemoryGiB():F0} GiB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
var row = $"| {DateTime.UtcNow:yyyy-MM-dd} | {machine} | {Members:N0} members, {Topics:N0} topics, {Topics + Replies:N0} posts | " +
          $"{due.Count / composeSeconds:F0}/s | {sent / sendSeconds:F0}/s ({sent:N0} sent in {sendSeconds:F1} s) | {peakMiB:F0} MiB | {smtpCpuSeconds:F0} s |";
Console.WriteLine(row);
await File.WriteAllTextAsync(Path.Combine(work, "result-row.md"), row + Environment.NewLine);

smtp.Kill(entireProcessTree: true);
await smtp.WaitForExitAsync();
NpgsqlConnection.ClearAllPools();
await postgres.DisposeAsync();
Directory.Delete(work, recursive: true);
return sent == received ? 0 : 1;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartSmtpServer(int port, string maildir)
{
    var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        start.ArgumentList.Add(arg);
    var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd (apt-get install -y python3-aiosmtpd).");
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitForPortAsync(int port)
{
    for (var tries = 0; ; tries++)
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException) when (tries < 200)
        {
            await Task.Delay(50);
        }
    }
}

static double PeakMemoryMiB() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();

static string Cpu() =>
    File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

static double MemoryGiB() =>
    File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024).Single();
