using System.Net.Sockets;
using Forum.Core.Accounts;
using Forum.Core.Digests;
using Forum.Web.Demo;
using Forum.Web.Jobs;
using Forum.Web.Mail;
using Microsoft.Extensions.Options;

namespace Forum.Web.Cli;

/// <summary>
/// `dotnet run --project Forum.Web -- admin create --username U --email E --password P`, `-- demo` and
/// `-- digest send [--force] [--user U]`: run
/// against the same database the forum uses (its managed cluster too, even while the forum runs), then exit.
/// </summary>
public static class CliCommands
{
    public static bool Matches(string[] args) => args is ["admin", ..] or ["demo", ..] or ["digest", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return args switch
        {
            ["admin", "create", .. var rest] => await AdminCreateAsync(Options(rest), scope.ServiceProvider),
            ["demo", ..] => await DemoAsync(scope.ServiceProvider),
            ["digest", "send", .. var rest] => await DigestSendAsync(rest, services),
            _ => Usage(),
        };
    }

    private static async Task<int> AdminCreateAsync(IReadOnlyDictionary<string, string> options, IServiceProvider services)
    {
        if (!options.TryGetValue("username", out var username) || !options.TryGetValue("email", out var email) || !options.TryGetValue("password", out var password))
            return Usage();
        var accounts = services.GetRequiredService<AccountService>();
        var outcome = await accounts.SignUpAsync(new SignUpRequest(username, email, password, "UTC", "en"), UserRole.Admin, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors) Console.Error.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, error.Message, error.Args));
            return 1;
        }
        Console.WriteLine($"Admin {username} created.");
        return 0;
    }

    private static async Task<int> DemoAsync(IServiceProvider services)
    {
        var summary = await services.GetRequiredService<DemoLoader>().LoadAsync(CancellationToken.None);
        if (summary.WasAlreadyLoaded)
        {
            Console.WriteLine("Demo content already loaded.");
            return 0;
        }
        Console.WriteLine($"Demo content loaded: {summary.Categories} categories, {summary.Members} members, {summary.Topics} topics, {summary.Replies} replies, {summary.Likes} likes.");
        Console.WriteLine($"Demo members log in with the password \"{DemoContent.Password}\", for example as {DemoContent.Members[0].Username}.");
        return 0;
    }

    /// <summary>
    /// Sends the digests due now (--force: whatever the members' preferred hour), or only --user's, through the
    /// same job Hangfire runs, one after the other; the window's claim still keeps it to one digest each.
    /// </summary>
    private static async Task<int> DigestSendAsync(string[] rest, IServiceProvider services)
    {
        var force = rest.Contains("--force");
        var options = Options(rest.Where(a => a != "--force").ToArray());
        long? onlyUserId = null;
        if (options.TryGetValue("user", out var username))
        {
            await using var lookup = services.CreateAsyncScope();
            var user = await lookup.ServiceProvider.GetRequiredService<IUserStore>().FindByUsernameAsync(username, CancellationToken.None);
            if (user is null)
            {
                Console.Error.WriteLine($"No member named {username}.");
                return 1;
            }
            onlyUserId = user.Id;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var due = await services.GetRequiredService<IDigestStore>().DueAsync(now, ignoreHour: force, onlyUserId, int.MaxValue, CancellationToken.None);
        var results = new Dictionary<DigestDelivery, int>();
        foreach (var digest in due)
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<SendDigest>().RunAsync(digest.UserId, digest.Period, CancellationToken.None);
                results[result] = results.GetValueOrDefault(result) + 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // SendDigest recorded the failure on its claim, so this digest and the ones after it stay due.
                var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
                var reason = e.Message.ReplaceLineEndings(" ").TrimEnd('.');
                if (e is SocketException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException && !string.IsNullOrWhiteSpace(smtp.Host))
                    reason = $"mail server {smtp.Host}:{smtp.Port}: {reason}";
                Console.Error.WriteLine($"Sending the digest of member {digest.UserId} failed ({reason}); " +
                                        $"{results.GetValueOrDefault(DigestDelivery.Sent)} sent before it, and it and the {due.Count - results.Values.Sum() - 1} after it " +
                                        "stay due for a later run or the scheduled job.");
                return 1;
            }
        }
        Console.WriteLine($"Digests: {due.Count} due, {results.GetValueOrDefault(DigestDelivery.Sent)} sent, " +
                          $"{results.GetValueOrDefault(DigestDelivery.Skipped)} skipped (nothing new, or visited), " +
                          $"{results.GetValueOrDefault(DigestDelivery.AlreadyHandled)} already handled.");
        return 0;
    }

    /// <summary>--name value pairs.</summary>
    private static Dictionary<string, string> Options(string[] rest)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < rest.Length; i += 2)
            if (rest[i].StartsWith("--", StringComparison.Ordinal)) options[rest[i][2..]] = rest[i + 1];
        return options;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              dotnet run --project Forum.Web -- admin create --username U --email E --password P
              dotnet run --project Forum.Web -- demo
              dotnet run --project Forum.Web -- digest send [--force] [--user U]
            """);
        return 2;
    }
}
