using Forum.Core;
using Forum.Data.Database;
using Forum.Data.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Forum.Web.Infrastructure;

/// <summary>
/// The forum's database: the configured connection string, or else a PostgreSQL cluster the forum manages
/// itself in its data folder (started here, supervised, stopped at shutdown). Migrated before anything else runs.
/// </summary>
public sealed class ForumDatabase(IConfiguration config, IOptions<ForumOptions> options, ILogger<ForumDatabase> log) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? connectionString;

    /// <summary>The cluster the forum runs itself; null when a connection string is configured.</summary>
    public ManagedPostgres? Managed { get; private set; }

    /// <summary>
    /// Ready once InitializeAsync ran. Something built before the hosted services start (Hangfire's dashboard
    /// storage) may ask first: then it is prepared here, once, blocking start-up as the hosted service would.
    /// </summary>
    public string ConnectionString
    {
        get
        {
            if (connectionString is null) InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
            return connectionString!;
        }
    }

    /// <summary>Throws <see cref="ManagedPostgresException"/> (one sentence) when the managed database cannot be made ready.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (connectionString is not null) return;
            var configured = config.GetConnectionString("Forum");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                await MigrationRunner.MigrateAsync(configured, log, ct);
                connectionString = configured;
                return;
            }
            var folder = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "postgres");
            log.LogInformation("No ConnectionStrings:Forum configured; running a managed PostgreSQL in {Folder}", folder);
            Managed = await ManagedPostgres.StartAsync(folder, durable: true, ct, log);
            var resolved = Managed.ConnectionString("forum");
            try
            {
                await MigrationRunner.MigrateAsync(resolved, log, ct);
            }
            catch (NpgsqlException e)
            {
                throw new ManagedPostgresException($"The managed PostgreSQL started, but the forum could not prepare its database: {e.Message}");
            }
            connectionString = resolved;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Managed is not null) await Managed.DisposeAsync();
    }
}

/// <summary>Registered before every other hosted service, so the database is ready before they start.</summary>
public sealed class DatabaseInitializer(ForumDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => database.InitializeAsync(ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Keeps the managed PostgreSQL up: every few seconds, if the server this forum started has died, starts it
/// again on the same port, so open pools reconnect and /healthz recovers without anyone stepping in.
/// </summary>
public sealed partial class ManagedPostgresSupervisor(ForumDatabase database, ILogger<ManagedPostgresSupervisor> log) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (database.Managed is not { OwnsServer: true } managed) continue;
                try
                {
                    if (await managed.EnsureRunningAsync(stoppingToken)) LogRestarted(managed.Port);
                }
                catch (ManagedPostgresException e)
                {
                    // Backends of the killed server may still hold its shared memory for a moment: the next check retries.
                    LogRestartFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(LogLevel.Warning, "The managed PostgreSQL had stopped and was started again on port {Port}")]
    private partial void LogRestarted(int port);

    [LoggerMessage(LogLevel.Warning, "{Reason} Retrying shortly.")]
    private partial void LogRestartFailed(string reason);
}
