using Forum.Core.Notifications;
using Hangfire;

namespace Forum.Web.Notifications;

public static class NotificationsSetup
{
    /// <summary>Mention limits and pruning from "Forum:Notifications", and the daily prune of old read notifications.</summary>
    public static IServiceCollection AddForumNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration("Forum:Notifications").ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PruneNotifications>();
        services.AddScoped<ActivityMail>();
        services.AddHostedService<NotificationJobSchedule>();
        return services;
    }
}

/// <summary>Deletes read notifications older than Forum:Notifications:PruneReadAfterDays; unread ones stay.</summary>
public sealed class PruneNotifications(INotificationStore notifications, Microsoft.Extensions.Options.IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<PruneNotifications> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.PruneReadAfterDays);
        var pruned = await notifications.PruneReadAsync(before, ct);
        if (pruned > 0) log.LogInformation("Pruned {Count} notifications read before {Before}", pruned, before);
        return pruned;
    }
}

public sealed class NotificationJobSchedule(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<PruneNotifications>("prune-notifications", job => job.RunAsync(CancellationToken.None), Cron.Daily);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
