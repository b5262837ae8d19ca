using Forum.Core.Accounts;
using Forum.Web.Demo;

namespace Forum.Web.Cli;

/// <summary>
/// `dotnet run --project Forum.Web -- admin create --username U --email E --password P` and `-- demo`: run
/// against the same database the forum uses (its managed cluster too, even while the forum runs), then exit.
/// </summary>
public static class CliCommands
{
    public static bool Matches(string[] args) => args is ["admin", ..] or ["demo", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return args switch
        {
            ["admin", "create", .. var rest] => await AdminCreateAsync(Options(rest), scope.ServiceProvider),
            ["demo", ..] => await DemoAsync(scope.ServiceProvider),
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
            """);
        return 2;
    }
}
