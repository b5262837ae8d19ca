using System.Net;
using Forum.Tests.Infrastructure;
using Npgsql;

namespace Forum.Tests.Site;

public sealed class HealthTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Health_answers_200_while_the_database_answers()
    {
        using var probe = forum.Session();
        var health = await probe.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.Status);
    }

    [Fact]
    public async Task Health_answers_503_while_the_database_is_unreachable_and_recovers_after()
    {
        using var probe = forum.Session();
        var database = new NpgsqlConnectionStringBuilder(forum.ConnectionString).Database!;
        await using (var admin = await OpenMaintenanceConnectionAsync())
        {
            await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        }
        // The forum's pool still holds the killed connections; drop them as a restart of the database would.
        forum.Get<NpgsqlDataSource>().Clear();
        try
        {
            var down = await probe.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        }
        finally
        {
            await using var admin = await OpenMaintenanceConnectionAsync();
            await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }

        var up = await probe.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, up.Status);
    }

    private async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(forum.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
