using Forum.Core.Events;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Forum.Web.Live;

public static class LiveSetup
{
    /// <summary>SignalR, alone on one server or over Redis when ConnectionStrings:Redis is set.</summary>
    public static IServiceCollection AddForumLive(this IServiceCollection services, IConfiguration config)
    {
        var signalR = services.AddSignalR(options => options.AddFilter<HubRateLimit>());
        if (config.GetConnectionString("Redis") is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("ronda"));
        services.AddSingleton<HubRateLimit>();
        services.AddSingleton<LiveSessions>();
        services.AddScoped<IHandle<Core.Accounts.SessionsEnded>, CloseEndedSessions>();
        services.AddHostedService<LiveSessionSweep>();
        services.AddScoped<LiveAudience>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LivePushQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<LivePushQueue>());
        services.AddPush<ReplyPosted, PushReplyToReaders>();
        services.AddPush<TopicCreated, PushNewTopicToLists>();
        services.AddPush<PostEdited, PushPostChanges>();
        services.AddPush<PostDeleted, PushPostChanges>();
        services.AddPush<PostRestored, PushPostChanges>();
        services.AddPush<TopicStatusChanged, PushTopicStatus>();
        services.AddPush<PostLiked, PushLikeToAuthor>();
        services.AddPush<Core.Notifications.NotificationCountsChanged, PushNotificationCounts>();
        services.AddPush<PostLiked, PushNotificationCounts>();
        return services;
    }

    /// <summary>A push handler for <typeparamref name="TEvent"/>, run on the push queue rather than in the request.</summary>
    private static void AddPush<TEvent, THandler>(this IServiceCollection services) where THandler : class, IHandle<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddScoped<IHandle<TEvent>, QueuedPush<TEvent, THandler>>();
    }
}
