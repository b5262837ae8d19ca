using System.Diagnostics;
using Forum.Data.Database;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Setup;

/// <summary>A forum data folder from an older version, whose cluster let every local account in as superuser.</summary>
[Collection(ForumProcessCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ManagedPostgresTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("ronda-old-cluster-").FullName;

    private string Cluster => Path.Combine(folder, "postgres");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_cluster_made_with_trust_takes_a_password_on_its_next_start_and_refuses_connections_without_it()
    {
        // What older versions ran (and a folder the postgres user may enter, as theirs had to be).
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Cluster);
        await RunAsync("chown", "postgres:postgres", Cluster);
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(ManagedPostgres.FindBinDirectory()!, "initdb"),
            "-D", Cluster, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        Assert.NotEmpty(ManagedPostgres.PasswordlessHbaLines(Cluster));

        await using (var managed = await ManagedPostgres.StartAsync(Cluster, durable: false))
        {
            Assert.Empty(ManagedPostgres.PasswordlessHbaLines(Cluster));
            await Assert.ThrowsAsync<NpgsqlException>(() =>
                OpenAsync($"Host=127.0.0.1;Port={managed.Port};Username=postgres;Database=postgres;Pooling=false"));
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                OpenAsync($"Host=127.0.0.1;Port={managed.Port};Username=postgres;Password=guessed;Database=postgres;Pooling=false"));
            Assert.Equal("28P01", refused.SqlState);
            await OpenAsync(managed.ConnectionString("postgres") + ";Pooling=false");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Cluster + ".password"));
        }

        // The next start finds it secured already and uses the same password.
        await using var again = await ManagedPostgres.StartAsync(Cluster, durable: false);
        await OpenAsync(again.ConnectionString("postgres") + ";Pooling=false");
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {output}");
    }
}
