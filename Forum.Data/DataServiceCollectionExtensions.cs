using Forum.Core.Accounts;
using Forum.Core.Categories;
using Forum.Core.Digests;
using Forum.Core.Groups;
using Forum.Core.Notifications;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Forum.Data.Accounts;
using Forum.Data.Categories;
using Forum.Data.Database;
using Forum.Data.Digests;
using Forum.Data.Groups;
using Forum.Data.Notifications;
using Forum.Data.Moderation;
using Forum.Data.Posts;
using Forum.Data.Topics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forum.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary><paramref name="connectionString"/> is asked once, when the data source is first needed.</summary>
    public static IServiceCollection AddForumData(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        DapperSetup.Configure();
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString(sp)).Build());
        services.AddSingleton<IUserStore, UserStore>();
        services.AddSingleton<ITimeZoneStore, TimeZoneStore>();
        services.AddSingleton<ICategoryStore, CategoryStore>();
        services.AddSingleton<ITopicStore, TopicStore>();
        services.AddSingleton<IPostStore, PostStore>();
        services.AddSingleton<Core.Drafts.IDraftStore, Drafts.DraftStore>();
        services.AddSingleton<IGroupStore, GroupStore>();
        services.AddSingleton<INotificationStore, NotificationStore>();
        services.AddSingleton<INotificationEmailStore, NotificationEmailStore>();
        services.AddSingleton<IReadStateStore, ReadStateStore>();
        services.AddSingleton<IModerationStore, ModerationStore>();
        services.AddSingleton<IStaffLog, StaffLogStore>();
        services.AddSingleton<IDigestStore, DigestStore>();
        services.AddSingleton<ISessionStore, SessionStore>();
        services.AddSingleton<IAccountTokenStore, AccountTokenStore>();
        services.AddSingleton<Core.Uploads.IUploadStore, Uploads.UploadStore>();
        return services;
    }
}
