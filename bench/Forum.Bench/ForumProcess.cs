using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Forum.Bench;

/// <summary>
/// The real forum, built in Release and run as its own process (`dotnet Forum.Web.dll`) in the Production
/// environment, so its memory can be read from /proc and nothing of the benchmark shares its heap.
/// </summary>
public sealed class ForumProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ForumProcess(Process process, StreamWriter log, string baseUrl)
    {
        this.process = process;
        this.log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public int Pid => process.Id;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Forum.sln"))) return dir.FullName;
        throw new InvalidOperationException("Forum.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>`dotnet build -c Release Forum.Web`: quick when nothing changed. Returns the path of Forum.Web.dll.</summary>
    public static async Task<string> BuildAsync(string root, CancellationToken ct)
    {
        var project = Path.Combine(root, "Forum.Web", "Forum.Web.csproj");
        var exit = await RunAsync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", project],
            new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }, root, ct);
        if (exit.Code != 0) throw new InvalidOperationException("Building Forum.Web failed:\n" + exit.Output);
        return Path.Combine(root, "Forum.Web", "bin", "Release", "net10.0", "Forum.Web.dll");
    }

    /// <summary>Runs a command-line command of the forum (e.g. `admin create ...`) against the database.</summary>
    public static async Task CliAsync(string dll, string connectionString, string dataDirectory, IReadOnlyList<string> args, CancellationToken ct)
    {
        var exit = await RunAsync("dotnet", [dll, .. args], Environment(connectionString, dataDirectory), Path.GetDirectoryName(dll)!, ct);
        if (exit.Code != 0) throw new InvalidOperationException($"forum {string.Join(' ', args)} failed:\n{exit.Output}");
    }

    public static async Task<ForumProcess> StartAsync(string dll, string root, string connectionString, string dataDirectory, CancellationToken ct)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        // The project folder as content root: wwwroot and appsettings.json are found as in `dotnet run`.
        var start = Start("dotnet", [dll, "--urls", baseUrl, "--contentRoot", Path.Combine(root, "Forum.Web")],
            Environment(connectionString, dataDirectory), Path.Combine(root, "Forum.Web"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the forum.");
        var log = new StreamWriter(Path.Combine(dataDirectory, "forum.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var forum = new ForumProcess(process, log, baseUrl);
        await forum.WaitUntilHealthyAsync(ct);
        return forum;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The forum exited with {process.ExitCode}; see forum.log.");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("The forum did not answer /healthz within 60 s.");
    }

    /// <summary>VmHWM (peak resident set) and VmRSS (current) of the forum process, in MiB.</summary>
    public (double PeakMiB, double CurrentMiB) Memory()
    {
        double Read(string field)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) / 1024.0;
        }
        return (Read("VmHWM"), Read("VmRSS"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log) log.Dispose();
    }

    private static Dictionary<string, string> Environment(string connectionString, string dataDirectory) => new()
    {
        ["ConnectionStrings__Forum"] = connectionString,
        ["Forum__DataDirectory"] = dataDirectory,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        // One member posts every reply of the run, far faster than a person may.
        ["Forum__RateLimits__PostsPerMember__Permits"] = "1000000",
    };

    private static ProcessStartInfo Start(string file, IReadOnlyList<string> args, Dictionary<string, string> env, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in env) if (value.Length > 0) start.Environment[key] = value;
        return start;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IReadOnlyList<string> args, Dictionary<string, string> env, string workingDirectory, CancellationToken ct)
    {
        using var process = Process.Start(Start(file, args, env, workingDirectory)) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
