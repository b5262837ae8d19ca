using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Forum.Data.Database;

/// <summary>
/// A PostgreSQL cluster that the forum (or the test run) owns: created with initdb in a folder, started on a
/// free loopback port, stopped on dispose. The forum uses it when no connection string is configured.
/// Beside the cluster folder (<c>postgres</c>) live <c>postgres.password</c> (0600: the only way in, over
/// scram-sha-256) and <c>postgres.lock</c>, held by the process that owns the running server.
/// </summary>
public sealed class ManagedPostgres : IAsyncDisposable
{
    /// <summary>Where a cluster goes when the postgres user cannot reach the data folder (root's 0700 home).</summary>
    public const string RelocationRoot = "/var/lib/ronda";

    private readonly string binDirectory;
    private readonly string password;
    private readonly string serverSettings;
    private readonly FileStream? ownerLock;
    private readonly SemaphoreSlim serverGate = new(1, 1);
    private readonly ILogger log;
    private int stopped;

    private ManagedPostgres(string clusterDirectory, string binDirectory, string password, string serverSettings, FileStream? ownerLock,
        bool ownsServer, int port, ILogger log)
    {
        ClusterDirectory = clusterDirectory;
        this.binDirectory = binDirectory;
        this.password = password;
        this.serverSettings = serverSettings;
        this.ownerLock = ownerLock;
        OwnsServer = ownsServer;
        Port = port;
        this.log = log;
    }

    public int Port { get; }

    /// <summary>The folder the server runs on: the data folder itself, or where it was placed for the postgres user.</summary>
    public string ClusterDirectory { get; }

    /// <summary>False when another live process (the forum, beside this CLI run) runs the server: it is left running.</summary>
    public bool OwnsServer { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={password};Database={database};Include Error Detail=true";

    /// <summary>
    /// Creates the cluster on first use and starts it. <paramref name="durable"/> false turns off fsync and
    /// friends: for throwaway test clusters only, never for a forum's own data. Every failure is a
    /// <see cref="ManagedPostgresException"/> whose message is one sentence for the person starting the forum.
    /// </summary>
    public static async Task<ManagedPostgres> StartAsync(string dataDirectory, bool durable, CancellationToken ct = default, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        if (OperatingSystem.IsWindows())
            throw new ManagedPostgresException("The forum runs its own PostgreSQL on Linux and macOS only; on Windows, point it at a server with ConnectionStrings__Forum.");
        var bin = FindBinDirectory() ?? throw new PostgresNotFoundException();
        dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        var asRoot = IsRoot();
        FileStream? ownerLock = null;
        var succeeded = false;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
            var password = ReadOrCreatePassword(dataDirectory + ".password");
            ownerLock = TryTakeOwnerLock(dataDirectory + ".lock");
            var cluster = await PlaceClusterAsync(dataDirectory, asRoot, log, ct);

            if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
                await InitializeClusterAsync(bin, cluster, password, durable, asRoot, ct);
            else if (PasswordlessHbaLines(cluster).Any())
                await RequirePasswordAsync(bin, cluster, password, asRoot, log, ct);

            if (RunningServer(cluster) is { } running)
            {
                // A live forum on this folder (the CLI beside it): share its server, leave it running.
                if (ownerLock is null)
                {
                    succeeded = true;
                    return new ManagedPostgres(cluster, bin, password, "", null, ownsServer: false, running.Port, log);
                }
                // No live process holds the lock, so the forum that started this server was killed: stop it and
                // start afresh, so this process owns it (and stops it at shutdown) with today's settings.
                log.LogWarning("A PostgreSQL server (pid {Pid}) left running by an earlier forum process on {Folder} is restarted under this one",
                    running.Pid, cluster);
                await RunPostgresToolAsync(bin, "pg_ctl", ["-D", cluster, "-m", "fast", "-w", "stop"], asRoot, ct, ignoreFailure: true);
            }

            var settings = $"-c listen_addresses=127.0.0.1 -k {cluster} -c max_connections=300";
            if (!durable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var managed = new ManagedPostgres(cluster, bin, password, settings, ownerLock, ownsServer: true, FreePort(), log);
            await managed.StartServerAsync(ct);
            succeeded = true;
            return managed;
        }
        catch (ToolFailedException e)
        {
            throw new ManagedPostgresException($"The managed PostgreSQL in {dataDirectory} could not be started: {e.Reason}. " +
                                               "Fix that, or point the forum at a server with ConnectionStrings__Forum.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            throw new ManagedPostgresException($"The managed PostgreSQL in {dataDirectory} could not be started: {OneLine(e.Message)}. " +
                                               "Fix that, or point the forum at a server with ConnectionStrings__Forum.");
        }
        finally
        {
            // A start that failed owns nothing: the next attempt (or the forum beside it) may take the lock.
            if (!succeeded && ownerLock is not null) await ownerLock.DisposeAsync();
        }
    }

    /// <summary>
    /// The supervisor's check: if the server this process owns has died (killed, crashed), starts it again on
    /// the same port, so connection strings already handed out stay valid. True when it restarted it.
    /// </summary>
    public async Task<bool> EnsureRunningAsync(CancellationToken ct)
    {
        if (!OwnsServer || Volatile.Read(ref stopped) == 1 || RunningServer(ClusterDirectory) is not null) return false;
        await serverGate.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref stopped) == 1 || RunningServer(ClusterDirectory) is not null) return false;
            log.LogWarning("The managed PostgreSQL on port {Port} is not running; starting it again", Port);
            try
            {
                await StartServerAsync(ct);
            }
            catch (ToolFailedException e)
            {
                throw new ManagedPostgresException($"The managed PostgreSQL in {ClusterDirectory} could not be restarted: {e.Reason}.");
            }
            return true;
        }
        finally
        {
            serverGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        await serverGate.WaitAsync();
        try
        {
            if (OwnsServer)
                await RunPostgresToolAsync(binDirectory, "pg_ctl", ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], IsRoot(),
                    CancellationToken.None, ignoreFailure: true);
        }
        finally
        {
            if (ownerLock is not null) await ownerLock.DisposeAsync();
            serverGate.Release();
        }
    }

    private Task StartServerAsync(CancellationToken ct) =>
        RunPostgresToolAsync(binDirectory, "pg_ctl",
            ["-D", ClusterDirectory, "-l", Path.Combine(ClusterDirectory, "server.log"), "-w", "-t", "60", "-o", $"{serverSettings} -p {Port}", "start"],
            IsRoot(), ct, serverLog: Path.Combine(ClusterDirectory, "server.log"));

    /// <summary>
    /// The folder postgres runs in. As root, the postgres user must be able to reach the data folder; when a
    /// parent is closed to it (a checkout under /root, mode 0700), the cluster is placed under
    /// <see cref="RelocationRoot"/> in a folder named after the data folder's path, and the data folder gets a
    /// symbolic link to it, so every later run (and a curious admin) finds the same place.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    private static async Task<string> PlaceClusterAsync(string dataDirectory, bool asRoot, ILogger log, CancellationToken ct)
    {
        if (new DirectoryInfo(dataDirectory).LinkTarget is { } target)
        {
            var resolved = Path.GetFullPath(target, Path.GetDirectoryName(dataDirectory)!);
            await PrepareClusterFolderAsync(resolved, asRoot, ct);
            log.LogInformation("The managed PostgreSQL cluster lives in {Cluster} (linked from {Folder})", resolved, dataDirectory);
            return resolved;
        }
        if (!asRoot || await PostgresCanEnterAsync(Path.GetDirectoryName(dataDirectory)!, ct))
        {
            await PrepareClusterFolderAsync(dataDirectory, asRoot, ct);
            return dataDirectory;
        }

        if (Directory.Exists(dataDirectory))
        {
            if (Directory.EnumerateFileSystemEntries(dataDirectory).Any())
                throw new ManagedPostgresException(
                    $"The managed PostgreSQL cluster in {dataDirectory} cannot be reached by the postgres user because a parent folder is closed to it: " +
                    $"open the parents to it (chmod o+x), move the cluster to {RelocationRoot} and link it from there, or set Forum__DataDirectory to a folder it can reach.");
            // Left by an earlier run that failed on this very problem.
            Directory.Delete(dataDirectory);
        }
        var placed = Path.Combine(RelocationRoot, RelocatedName(dataDirectory));
        Directory.CreateDirectory(RelocationRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                                  UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await PrepareClusterFolderAsync(placed, asRoot, ct);
        Directory.CreateSymbolicLink(dataDirectory, placed);
        log.LogWarning("The postgres user cannot reach {Folder}, so the managed PostgreSQL cluster is placed in {Cluster} (linked from {Folder})",
            Path.GetDirectoryName(dataDirectory), placed, dataDirectory);
        return placed;
    }

    /// <summary>Readable and unique: "root-ronda-data-postgres-" plus a hash of the full path, the same on every run.</summary>
    public static string RelocatedName(string dataDirectory)
    {
        var readable = new string(dataDirectory.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        // Short enough that the server's socket path (cluster folder + /.s.PGSQL.port) stays within Unix's 107 bytes.
        if (readable.Length > 40)
        {
            readable = readable[^40..];
            readable = readable[(readable.IndexOf('-') + 1)..];
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        return $"{readable.Trim('-')}-{hash}";
    }

    [UnsupportedOSPlatform("windows")]
    private static async Task PrepareClusterFolderAsync(string folder, bool asRoot, CancellationToken ct)
    {
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder], ct);
    }

    private static async Task<bool> PostgresCanEnterAsync(string folder, CancellationToken ct) =>
        await RunAsync("runuser", ["-u", "postgres", "--", "test", "-x", folder], ct, ignoreFailure: true) == 0;

    [UnsupportedOSPlatform("windows")]
    private static async Task InitializeClusterAsync(string bin, string cluster, string password, bool durable, bool asRoot, CancellationToken ct)
    {
        // initdb reads the password from a file; as root it runs as postgres, which cannot read ours, so it gets
        // a copy in a private folder of its own, removed straight after.
        var handover = Directory.CreateTempSubdirectory("ronda-initdb-");
        try
        {
            var passwordFile = Path.Combine(handover.FullName, "password");
            File.WriteAllText(passwordFile, password);
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (asRoot) await RunAsync("chown", ["-R", "postgres:postgres", handover.FullName], ct);
            var initdb = new List<string>
            {
                "-D", cluster, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8",
            };
            if (!durable) initdb.Add("--no-sync");
            await RunPostgresToolAsync(bin, "initdb", initdb, asRoot, ct);
        }
        finally
        {
            handover.Delete(recursive: true);
        }
    }

    /// <summary>Lines of pg_hba.conf that let a connection in without a password (what older versions wrote).</summary>
    public static IEnumerable<string> PasswordlessHbaLines(string cluster) =>
        File.ReadAllLines(Path.Combine(cluster, "pg_hba.conf"))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .Where(line => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries) is var fields
                           && fields.Any(f => f is "trust" or "peer" or "ident"));

    /// <summary>
    /// A cluster made by an older version trusted every local connection. It is started once reachable only
    /// through its own socket (in the cluster folder, 0700), given the password, and its pg_hba.conf switched
    /// to scram-sha-256; the normal start follows.
    /// </summary>
    private static async Task RequirePasswordAsync(string bin, string cluster, string password, bool asRoot, ILogger log, CancellationToken ct)
    {
        if (RunningServer(cluster) is not null)
            await RunPostgresToolAsync(bin, "pg_ctl", ["-D", cluster, "-m", "fast", "-w", "stop"], asRoot, ct, ignoreFailure: true);
        var port = FreePort();
        var serverLog = Path.Combine(cluster, "server.log");
        await RunPostgresToolAsync(bin, "pg_ctl",
            ["-D", cluster, "-l", serverLog, "-w", "-t", "60", "-o", $"-c listen_addresses='' -k {cluster} -p {port}", "start"], asRoot, ct, serverLog: serverLog);
        try
        {
            await using (var conn = new NpgsqlConnection($"Host={cluster};Port={port};Username=postgres;Database=postgres;Pooling=false"))
            {
                await conn.OpenAsync(ct);
                // The password is hex, so it is safe as a literal (ALTER ROLE takes no parameters).
                await using var alter = new NpgsqlCommand($"SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres PASSWORD '{password}';", conn);
                await alter.ExecuteNonQueryAsync(ct);
            }
            var hba = Path.Combine(cluster, "pg_hba.conf");
            var lines = File.ReadAllLines(hba).Select(line => line.TrimStart().StartsWith('#')
                ? line
                : string.Join(' ', line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(f => f is "trust" or "peer" or "ident" ? "scram-sha-256" : f)));
            File.WriteAllLines(hba, lines);
        }
        finally
        {
            await RunPostgresToolAsync(bin, "pg_ctl", ["-D", cluster, "-m", "fast", "-w", "stop"], asRoot, ct, ignoreFailure: true);
        }
        log.LogWarning("The managed PostgreSQL in {Cluster} let any local account in without a password; it now requires the password kept in {PasswordFile}",
            cluster, "postgres.password");
    }

    [UnsupportedOSPlatform("windows")]
    private static string ReadOrCreatePassword(string path)
    {
        if (File.Exists(path))
        {
            var kept = File.ReadAllText(path).Trim();
            if (kept.Length >= 32 && kept.All(char.IsAsciiHexDigit)) return kept;
        }
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        // Created 0600 before anything is written to it, so the password is never readable by others.
        using (var file = new FileStream(path, new FileStreamOptions
               {
                   Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
               }))
        {
            file.Write(Encoding.ASCII.GetBytes(password + "\n"));
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    /// <summary>
    /// An exclusive lock the kernel drops when this process ends, however it ends: a server found running with
    /// the lock free was left by a killed forum; with the lock held, by a live one. Null when another holds it.
    /// </summary>
    private static FileStream? TryTakeOwnerLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed record Running(int Pid, int Port);

    /// <summary>postmaster.pid names the server's pid (line 1) and port (line 4); it counts only if that process is a live postgres.</summary>
    private static Running? RunningServer(string cluster)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"));
        }
        catch (IOException)
        {
            return null;
        }
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        return IsLivePostgres(pid) ? new Running(pid, port) : null;
    }

    private static bool IsLivePostgres(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // "pid (comm) state …": a killed server reparented to us may linger as a zombie (Z) until reaped.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var afterName = stat.LastIndexOf(')');
                return stat.Contains("(postgres)", StringComparison.Ordinal) && afterName > 0 && stat[afterName + 2] is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
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

    private static Task<int> RunPostgresToolAsync(string bin, string tool, IReadOnlyList<string> args, bool runAsPostgres, CancellationToken ct,
        bool ignoreFailure = false, string? serverLog = null)
    {
        var exe = Path.Combine(bin, tool);
        return runAsPostgres
            ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args], ct, ignoreFailure, serverLog)
            : RunAsync(exe, args, ct, ignoreFailure, serverLog);
    }

    private static async Task<int> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, bool ignoreFailure = false, string? serverLog = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // postgres must be able to read its working directory once it drops to its own user.
            WorkingDirectory = "/",
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new ToolFailedException($"{file} could not be run");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && !ignoreFailure)
        {
            var tool = args.Count > 3 && file == "runuser" ? Path.GetFileName(args[3]) : Path.GetFileName(file);
            throw new ToolFailedException($"{tool} failed: {FirstError(await stderr + await stdout, serverLog)}");
        }
        return process.ExitCode;
    }

    /// <summary>What went wrong, in one line: the server log's last FATAL for pg_ctl start, else the tool's own first line.</summary>
    private static string FirstError(string output, string? serverLog)
    {
        if (serverLog is not null && File.Exists(serverLog))
        {
            var fatal = File.ReadLines(serverLog).LastOrDefault(l => l.Contains("FATAL:", StringComparison.Ordinal));
            if (fatal is not null) return OneLine(fatal[(fatal.IndexOf("FATAL:", StringComparison.Ordinal) + 6)..]);
        }
        return OneLine(output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no output");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');

    private sealed class ToolFailedException(string reason) : Exception(reason)
    {
        public string Reason { get; } = reason;
    }
}

/// <summary>The managed PostgreSQL could not be set up or started; the message is one sentence saying why and what to do.</summary>
public class ManagedPostgresException(string message) : Exception(message);

public sealed class PostgresNotFoundException() : ManagedPostgresException(
    "No PostgreSQL server binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql. " +
    "Install them (Debian: apt-get install postgresql) or point the forum at a server with " +
    "ConnectionStrings__Forum=\"Host=...;Username=...;Password=...;Database=...\".");
