using Forum.Core.Events;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Microsoft.AspNetCore.SignalR;

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
        services.AddScoped<LiveAudience>();
        services.AddScoped<IHandle<ReplyPosted>, PushReplyToReaders>();
        services.AddScoped<IHandle<TopicCreated>, PushNewTopicToLists>();
        services.AddScoped<IHandle<PostEdited>, PushPostChanges>();
        services.AddScoped<IHandle<PostDeleted>, PushPostChanges>();
        services.AddScoped<IHandle<PostRestored>, PushPostChanges>();
        services.AddScoped<IHandle<TopicStatusChanged>, PushTopicStatus>();
        services.AddScoped<IHandle<PostLiked>, PushLikeToAuthor>();
        services.AddScoped<IHandle<Core.Notifications.NotificationCountsChanged>, PushNotificationCounts>();
        services.AddScoped<IHandle<PostLiked>, PushNotificationCounts>();
        return services;
    }
}
