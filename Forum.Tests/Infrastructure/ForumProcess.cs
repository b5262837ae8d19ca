using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Forum.Data.Database;

namespace Forum.Tests.Infrastructure;

/// <summary>Tests that start real forum and PostgreSQL processes run one at a time: they share the machine's two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ForumProcessCollection
{
    public const string Name = "Forum processes";
}

/// <summary>
/// A copy of the built forum in a fresh private folder (mode 0700, as a checkout under /root is), from which
/// <see cref="StartAsync"/> runs `dotnet Forum.Web.dll` as its own process. Disposing stops every process it
/// started (by id) and the managed cluster, wherever it was placed, and removes both folders.
/// </summary>
public class PrivateCheckout : IAsyncDisposable
{
    private readonly List<ForumProcess> started = [];

    public PrivateCheckout()
    {
        Root = Directory.CreateTempSubdirectory("ronda-checkout-").FullName;
        WebFolder = Path.Combine(Root, "Forum.Web");
        CopyFolder(BuiltWebFolder(), WebFolder);
    }

    /// <summary>The private folder (0700) the checkout sits in.</summary>
    public string Root { get; }

    /// <summary>Where Forum.Web.dll is, and the forum's working directory: its data folder is WebFolder/data.</summary>
    public string WebFolder { get; }

    public string DataFolder => Path.Combine(WebFolder, "data");

    /// <summary>The managed cluster's real folder: the data folder's own, or where its link points.</summary>
    public string ClusterFolder
    {
        get
        {
            var link = new DirectoryInfo(Path.Combine(DataFolder, "postgres"));
            return link.LinkTarget is { } target ? Path.GetFullPath(target, DataFolder) : link.FullName;
        }
    }

    /// <summary>Starts the forum on a free loopback port with the given arguments and settings; waits for /healthz unless told not to.</summary>
    public async Task<ForumProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, IReadOnlyList<string>? args = null, bool waitUntilHealthy = true)
    {
        var forum = ForumProcess.Start(WebFolder, settings ?? new Dictionary<string, string>(), args);
        started.Add(forum);
        if (waitUntilHealthy) await forum.WaitUntilHealthyAsync();
        return forum;
    }

    /// <summary>Runs a command-line command (`digest send …`) to its end: exit code and everything it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? settings = null)
    {
        var forum = ForumProcess.Start(WebFolder, settings ?? new Dictionary<string, string>(), args, listen: false);
        started.Add(forum);
        var exitCode = await forum.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, forum.Output);
    }

    /// <summary>What every forum started from this checkout printed, in order.</summary>
    public string Output => string.Join("\n", started.Select(f => f.Output));

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        foreach (var forum in started)
        {
            try { await forum.DisposeAsync(); } catch (InvalidOperationException) { }
        }
        var cluster = ClusterFolder;
        if (File.Exists(Path.Combine(cluster, "postmaster.pid")) && ManagedPostgres.FindBinDirectory() is { } bin)
        {
            var pgCtl = Path.Combine(bin, "pg_ctl");
            await RunToEndAsync(Environment.UserName == "root" ? "runuser" : pgCtl,
                Environment.UserName == "root" ? ["-u", "postgres", "--", pgCtl, "-D", cluster, "-m", "immediate", "-w", "stop"] : ["-D", cluster, "-m", "immediate", "-w", "stop"]);
        }
        if (cluster.StartsWith(ManagedPostgres.RelocationRoot + "/", StringComparison.Ordinal)) TryDelete(cluster);
        TryDelete(Root);
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Forum.Web's own build output beside this test assembly's (same configuration), else this folder, which holds it too.</summary>
    private static string BuiltWebFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Forum.Web", "bin", configuration, framework);
            if (File.Exists(Path.Combine(dir.FullName, "Forum.sln")) && File.Exists(Path.Combine(candidate, "Forum.Web.dll"))) return candidate;
        }
        return testBin.FullName;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            // A data folder left by a `dotnet run` from the build folder is not part of the build.
            if (relative.StartsWith("data/", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task RunToEndAsync(string file, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
    }
}

/// <summary>One `dotnet Forum.Web.dll` process; what it prints is kept for the test to read.</summary>
public sealed class ForumProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ForumProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static ForumProcess Start(string webFolder, IReadOnlyDictionary<string, string> settings, IReadOnlyList<string>? args, bool listen = true)
    {
        var urls = (args ?? []).ToList().IndexOf("--urls");
        var baseUrl = urls >= 0 ? args![urls + 1] : $"http://127.0.0.1:{SmtpSink.FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = webFolder,
        };
        start.ArgumentList.Add(Path.Combine(webFolder, "Forum.Web.dll"));
        foreach (var arg in args ?? []) start.ArgumentList.Add(arg);
        if (listen && urls < 0)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(baseUrl);
        }
        // Nothing from the test run's own environment decides which database or mode the forum uses.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                                                             || k.StartsWith("Forum__", StringComparison.Ordinal)
                                                             || k.StartsWith("Smtp__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Times in the output a failing test prints, to tell a slow start from a hung one.
        start.Environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the forum.");
        var forum = new ForumProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => forum.Append(e.Data);
        process.ErrorDataReceived += (_, e) => forum.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return forum;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public async Task WaitUntilHealthyAsync() => await WaitForHealthAsync(TimeSpan.FromSeconds(60));

    /// <summary>Polls /healthz until it answers 200; fails with the forum's output if it exits or the time runs out.</summary>
    public async Task WaitForHealthAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The forum exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"/healthz did not answer 200 within {limit.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Waits until the forum has printed <paramref name="text"/>; fails with its output otherwise.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || process.HasExited) throw new TimeoutException($"The forum did not print \"{text}\":\n{Output}");
            await Task.Delay(200);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        // The exit is seen before the last lines of output are read: wait for the end of both streams.
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd or Ctrl+C would stop it: a graceful shutdown. Returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!process.HasExited) _ = Kill(process.Id, 15);
        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGKILL: the forum gets no chance to stop what it started.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    /// <summary>Whether <paramref name="pid"/> is a postgres process still running (a zombie waiting to be reaped is not).</summary>
    public static bool IsLivePostgres(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return stat.Contains("(postgres)", StringComparison.Ordinal) && stat[afterName + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
