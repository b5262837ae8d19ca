using Forum.Core;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Forum.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys for sign-in cookies, antiforgery and the unsubscribe links in mail live in the data folder
    /// (<c>&lt;DataDirectory&gt;/keys</c>), so they survive restarts; several instances need that folder shared.
    /// </summary>
    public static IServiceCollection AddForumDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Ronda");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ForumOptions>, ILoggerFactory>((keys, forum, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(forum.Value.DataDirectory), "keys")), logs));
        return services;
    }
}
