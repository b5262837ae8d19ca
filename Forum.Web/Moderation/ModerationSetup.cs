using Forum.Core.Events;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Web.Jobs;

namespace Forum.Web.Moderation;

public static class ModerationSetup
{
    public static IServiceCollection AddForumModeration(this IServiceCollection services)
    {
        services.AddOptions<ModerationOptions>().BindConfiguration("Forum:Moderation").ValidateDataAnnotations().ValidateOnStart();
        // The JSON endpoints take the antiforgery token in a header, as Discourse's X-CSRF-Token; forms keep their field.
        services.AddAntiforgery(options => options.HeaderName = PostsApi.CsrfHeader);
        services.AddScoped<IHandle<TopicTimerArmed>, ScheduleTopicTimer>();
        services.AddScoped<IHandle<ReplyPosted>, RearmAutoCloseOnReply>();
        return services;
    }
}
