using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Forum.Data.Database;

/// <summary>
/// A PostgreSQL cluster that the forum (or the test run) owns: created with initdb in a folder, started on a
/// free loopback port, stopped on dispose. The forum uses it when no connection string is configured.
/// </summary>
public sealed class ManagedPostgres : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly string binDirectory;
    private readonly bool ownsServer;
    private int stopped;

    private ManagedPostgres(string dataDirectory, string binDirectory, bool ownsServer, int port)
    {
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
        this.ownsServer = ownsServer;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>
    /// Creates the cluster on first use and starts it. <paramref name="durable"/> false turns off fsync and
    /// friends: for throwaway test clusters only, never for a forum's own data.
    /// </summary>
    public static async Task<ManagedPostgres> StartAsync(string dataDirectory, bool durable, CancellationToken ct = default)
    {
        var bin = FindBinDirectory() ?? throw new PostgresNotFoundException();
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var runAsPostgres = IsRoot();
        if (runAsPostgres) await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], ct);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            var initdb = new List<string> { "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8" };
            if (!durable) initdb.Add("--no-sync");
            await RunPostgresToolAsync(bin, "initdb", initdb, runAsPostgres, ct);
        }

        // A forum already running on this folder (the CLI beside a live forum): share its server, leave it running.
        if (await RunPostgresToolAsync(bin, "pg_ctl", ["-D", dataDirectory, "status"], runAsPostgres, ct, ignoreFailure: true) == 0
            && RunningPort(dataDirectory) is { } runningPort)
            return new ManagedPostgres(dataDirectory, bin, ownsServer: false, runningPort);

        var port = FreePort();
        var settings = $"-c listen_addresses=127.0.0.1 -p {port} -k {dataDirectory} -c max_connections=300";
        if (!durable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunPostgresToolAsync(bin, "pg_ctl",
            ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "-o", settings, "start"],
            runAsPostgres, ct);
        return new ManagedPostgres(dataDirectory, bin, ownsServer: true, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ownsServer || Interlocked.Exchange(ref stopped, 1) == 1) return;
        await RunPostgresToolAsync(binDirectory, "pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], IsRoot(), CancellationToken.None, ignoreFailure: true);
    }

    /// <summary>postmaster.pid's fourth line is the port the running server listens on.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(dataDirectory, "postmaster.pid"));
            return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Looks on PATH first, then in Debian's and the PGDG layout, newest version first.</summary>
    public static string? FindBinDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb"))) return dir;
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/pgsql" })
        {
            if (!Directory.Exists(root)) continue;
            var found = Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    // initdb and postgres refuse to run as root, so as root they run as the postgres system user.
    private static bool IsRoot() => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    private static Task<int> RunPostgresToolAsync(string bin, string tool, IReadOnlyList<string> args, bool runAsPostgres, CancellationToken ct, bool ignoreFailure = false)
    {
        var exe = Path.Combine(bin, tool);
        return runAsPostgres
            ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args], ct, ignoreFailure)
            : RunAsync(exe, args, ct, ignoreFailure);
    }

    private static async Task<int> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, bool ignoreFailure = false)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // postgres must be able to read its working directory once it drops to its own user.
            WorkingDirectory = "/",
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && !ignoreFailure)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        return process.ExitCode;
    }
}

public sealed class PostgresNotFoundException() : Exception(
    "No PostgreSQL server binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql. " +
    "Install them (Debian: apt-get install postgresql) or point the forum at a server with " +
    "ConnectionStrings__Forum=\"Host=...;Username=...;Password=...;Database=...\".");
