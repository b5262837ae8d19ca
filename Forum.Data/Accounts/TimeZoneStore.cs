using Dapper;
using Forum.Core.Accounts;
using Npgsql;

namespace Forum.Data.Accounts;

/// <summary>Reads pg_timezone_names once per process: the list changes only with a server upgrade.</summary>
public sealed class TimeZoneStore(NpgsqlDataSource db) : ITimeZoneStore
{
    private Task<Dictionary<string, string>>? zones;

    public async Task<string?> CanonicalAsync(string name, CancellationToken ct) =>
        (await ZonesAsync(ct)).GetValueOrDefault(name.Trim());

    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken ct) =>
        (await ZonesAsync(ct)).Values.Order(StringComparer.Ordinal).ToList();

    private async Task<Dictionary<string, string>> ZonesAsync(CancellationToken ct)
    {
        var loading = zones ??= LoadAsync();
        try
        {
            return await loading.WaitAsync(ct);
        }
        catch (Exception) when (loading.IsFaulted)
        {
            // A database that was down must not leave the forum without zones until restart.
            _ = Interlocked.CompareExchange(ref zones, null, loading);
            throw;
        }
    }

    private async Task<Dictionary<string, string>> LoadAsync()
    {
        // posix/ and right/ repeat every zone under another rule set; members choose among the plain names.
        const string sql = """
            SELECT name FROM pg_timezone_names
             WHERE name NOT LIKE 'posix/%' AND name NOT LIKE 'right/%';
            """;
        await using var conn = await db.OpenConnectionAsync();
        var names = await conn.QueryAsync<string>(sql);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Order(StringComparer.Ordinal))
            if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out _)) byName.TryAdd(name, name);
        return byName;
    }
}
