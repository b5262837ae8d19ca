using Forum.Core;
using Forum.Data.Database;
using Forum.Data.Migrations;
using Microsoft.Extensions.Options;

namespace Forum.Web.Infrastructure;

/// <summary>
/// The forum's database: the configured connection string, or else a PostgreSQL cluster the forum manages
/// itself in its data folder (started here, stopped at shutdown). Migrated before anything else runs.
/// </summary>
public sealed class ForumDatabase(IConfiguration config, IOptions<ForumOptions> options, ILogger<ForumDatabase> log) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ManagedPostgres? managed;
    private string? connectionString;

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

    public async Task InitializeAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (connectionString is not null) return;
            var configured = config.GetConnectionString("Forum");
            string resolved;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                resolved = configured;
            }
            else
            {
                var folder = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "postgres");
                log.LogInformation("No ConnectionStrings:Forum configured; running a managed PostgreSQL in {Folder}", folder);
                managed = await ManagedPostgres.StartAsync(folder, durable: true, ct);
                resolved = managed.ConnectionString("forum");
            }
            await MigrationRunner.MigrateAsync(resolved, log, ct);
            connectionString = resolved;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (managed is not null) await managed.DisposeAsync();
    }
}

/// <summary>Registered before every other hosted service, so the database is ready before they start.</summary>
public sealed class DatabaseInitializer(ForumDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => database.InitializeAsync(ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
