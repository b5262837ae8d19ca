using Forum.Core.Accounts;

namespace Forum.Web.Cli;

/// <summary>
/// `dotnet run --project Forum.Web -- admin create --username U --email E --password P`: run against the
/// same database the forum uses (its managed cluster too, even while the forum runs), then exit.
/// </summary>
public static class CliCommands
{
    public static bool Matches(string[] args) => args is ["admin", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return args switch
        {
            ["admin", "create", .. var rest] => await AdminCreateAsync(Options(rest), scope.ServiceProvider),
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
            """);
        return 2;
    }
}
