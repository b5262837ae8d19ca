using Dapper;

namespace Forum.Data.Database;

internal static class DapperSetup
{
    private static int configured;

    /// <summary>Once per process: snake_case columns map to PascalCase properties.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }
}
