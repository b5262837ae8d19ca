using Forum.Data.Database;
using Forum.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, with a migrated template database; each test class
/// gets its own copy of the template.
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<Task<ManagedPostgres>> Cluster = new(StartAsync);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static int databaseCounter;

    private static async Task<ManagedPostgres> StartAsync()
    {
        // The cluster in <folder>/postgres, its password and lock file beside it: all removed with the folder.
        var folder = Path.Combine(Path.GetTempPath(), "ronda-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await ManagedPostgres.StartAsync(Path.Combine(folder, "postgres"), durable: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        await MigrationRunner.MigrateAsync(cluster.ConnectionString("forum_template"), NullLogger.Instance);
        // Hangfire's tables too, so each test database starts with them instead of installing its own.
        await using (var hangfire = new NpgsqlConnection(cluster.ConnectionString("forum_template")))
        {
            await hangfire.OpenAsync();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(hangfire, "hangfire");
        }
        NpgsqlConnection.ClearAllPools();
        return cluster;
    }

    /// <summary>A fresh, migrated database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        var name = $"forum_test_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}";
        // CREATE DATABASE … TEMPLATE needs the template idle, so copies are made one at a time.
        await TemplateGate.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false");
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE forum_template", conn);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            TemplateGate.Release();
        }
        return cluster.ConnectionString(name);
    }
}
