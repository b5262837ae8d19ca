using Npgsql;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// Makes one forum's database unreachable — it refuses new connections and its open ones are cut, as a restart
/// of PostgreSQL would — while the cluster shared by the other test classes keeps running. Disposing lets it back.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly ForumApp forum;
    private readonly string database;

    private DatabaseOutage(ForumApp forum)
    {
        this.forum = forum;
        database = new NpgsqlConnectionStringBuilder(forum.ConnectionString).Database!;
    }

    public static async Task<DatabaseOutage> BeginAsync(ForumApp forum)
    {
        var outage = new DatabaseOutage(forum);
        await outage.ExecuteAsync($"ALTER DATABASE \"{outage.database}\" ALLOW_CONNECTIONS false");
        await outage.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{outage.database}' AND pid <> pg_backend_pid()");
        // The forum's pool still holds the killed connections; drop them as a restart of the database would.
        forum.Get<NpgsqlDataSource>().Clear();
        return outage;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");

    private async Task ExecuteAsync(string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(forum.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
