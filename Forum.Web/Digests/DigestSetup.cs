namespace Forum.Web.Digests;

public static class DigestSetup
{
    /// <summary>Writing digests as mail; the jobs that send them are registered with the other jobs (JobsSetup).</summary>
    public static IServiceCollection AddForumDigests(this IServiceCollection services)
    {
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<DigestMail>();
        return services;
    }
}
