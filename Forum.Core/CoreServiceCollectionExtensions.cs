using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Digests;
using Forum.Core.Events;
using Forum.Core.Groups;
using Forum.Core.Markdown;
using Forum.Core.Moderation;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Core;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddForumCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PostCooker>();
        services.AddScoped<IEventPublisher, EventPublisher>();
        services.AddScoped<AccountService>();
        services.AddScoped<SessionService>();
        services.AddScoped<AccountTokenService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<TopicService>();
        services.AddScoped<ReplyService>();
        services.AddScoped<PostEditService>();
        services.AddScoped<Drafts.DraftService>();
        services.AddScoped<TopicStatusService>();
        services.AddScoped<RoleService>();
        services.AddScoped<GroupService>();
        services.AddScoped<MentionService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<IHandle<ModeratorActed>, RecordModeratorAction>();
        services.AddScoped<TopicModerationService>();
        services.AddScoped<TopicTimerService>();
        services.AddScoped<FlagService>();
        services.AddScoped<PenaltyService>();
        services.AddScoped<PostModerationService>();
        services.AddScoped<DigestBuilder>();
        services.AddSingleton<DigestWindowActivity>();
        services.AddScoped<DigestPreferencesService>();
        services.AddScoped<Uploads.UploadService>();
        return services;
    }
}
