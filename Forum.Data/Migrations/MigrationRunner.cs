using DbUp;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Forum.Data.Migrations;

/// <summary>Applies the numbered SQL files of migrations/ (embedded in this assembly) in name order.</summary>
public static class MigrationRunner
{
    // Several forum instances may start at once over one database: the first applies, the others wait.
    private const long MigrationLockKey = 7_271_001;

    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken ct = default)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUp.Engine.Output.NoOpUpgradeLog());
        // Unpooled: a session-level advisory lock must end with its connection, not live on in a pool.
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await lockConnection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        var upgrader = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(MigrationRunner).Assembly, name => name.StartsWith("migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        foreach (var script in result.Scripts)
            logger.LogInformation("Applied migration {Script}", script.Name);
    }
}
